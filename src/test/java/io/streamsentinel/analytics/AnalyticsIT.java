package io.streamsentinel.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.DecisionSummary;
import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseSettings;
import io.streamsentinel.database.EmbeddedDatabase;
import io.streamsentinel.detection.quality.DetectionQuality;
import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.DeadLetters;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaOverride;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.KafkaTestSupport;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import io.streamsentinel.kafka.TuningProfile;
import io.streamsentinel.testing.CliRunner;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch analytics on a real broker and an embedded PostgreSQL: after a crash between the database
 * commit and the Kafka commit, the report's figures still equal those computed independently from
 * fraud-scores, and evaluate's.
 */
class AnalyticsIT {

  private static final int COMMITTED = 4_000;
  private static final int ABORTED = 300;
  private static final double[] SCORES = {0, 0.1, 0.25, 0.3, 0.45, 0.5, 0.62, 0.75, 0.9, 1};
  private static final String[] CATEGORIES = {"grocery", "travel", "electronics", "atm", "dining"};
  private static final String[] COUNTRIES = {"DE", "FR", "US", "BR", "JP"};
  private static final String[] PATTERNS = {"card_testing", "account_takeover", "velocity_burst"};
  private static final String[] MODELS = {null, "m1", "m2"};
  private static final int ENFORCEMENT = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static EmbeddedDatabase database;
  private static JsonNode evaluated;
  private static JsonNode evaluatedByModel;

  @BeforeAll
  static void start() throws Exception {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    database = EmbeddedDatabase.start(dir.resolve("postgres"), false, 0);
    CliRunner topics = new CliRunner();
    assertThat(topics.run("topics", "create", "-b", broker.bootstrapServers()))
        .as(topics.err())
        .isZero();
    publishDecisions();
    publishEnforcement();
    publish("user-x", "not a decision");
    evaluated = evaluateJson();
  }

  @AfterAll
  static void stop() {
    if (database != null) {
      database.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static ClientConfigFactory clients(String... overrides) {
    List<KafkaOverride> parsed =
        Arrays.stream(overrides).map(o -> KafkaOverride.parse(o, "test")).toList();
    return new ClientConfigFactory(
        new KafkaSettings(broker.bootstrapServers(), TuningProfile.BALANCED, parsed));
  }

  /**
   * Seeded decisions in the detector's format, written in Kafka transactions (so the log holds
   * commit markers, as the exactly-once detector leaves it), with one transaction aborted.
   */
  private static void publishDecisions() {
    Random random = new Random(5);
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "analytics-it");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      int[] sizes = {COMMITTED / 2, ABORTED, COMMITTED - COMMITTED / 2};
      for (int t = 0; t < sizes.length; t++) {
        producer.beginTransaction();
        for (int i = 0; i < sizes[t]; i++) {
          String user = "user-" + random.nextInt(400);
          producer.send(
              new ProducerRecord<>(TopicCatalog.FRAUD_SCORES, user, decision(random, user)));
        }
        if (sizes[t] == ABORTED) {
          producer.abortTransaction();
        } else {
          producer.commitTransaction();
        }
      }
    }
  }

  private static String decision(Random random, String user) {
    boolean fraud = random.nextInt(20) == 0;
    double score = SCORES[Math.min(SCORES.length - 1, random.nextInt(7) + (fraud ? 3 : 0))];
    Instant time = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(4 * 86_400));
    BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(800_000), 2);
    String model = MODELS[random.nextInt(MODELS.length)];
    // A model's decision carries the rules' weaker score beside its own; a decision of the rules
    // alone carries none of the model fields, as those written before models.
    String modelFields =
        model == null
            ? ""
            : ",\"rules_score\":%s,\"model_score\":%s,\"model_version\":\"%s\""
                .formatted(SCORES[random.nextInt(7) + (fraud ? 1 : 0)], score, model);
    return """
        {"transaction_id":"tx-%s","user_id":"%s","event_time":"%s","amount":%s,%s
         "country":"%s","score":%s,"severity":"%s","reasons":[],"features":{"amount":1},
         "rule_set_version":"it","is_fraud":%s%s%s}
        """
        .formatted(
            UUID.randomUUID(),
            user,
            time,
            amount.toPlainString(),
            random.nextInt(10) == 0
                ? ""
                : "\"merchant_category\":\""
                    + CATEGORIES[random.nextInt(CATEGORIES.length)]
                    + "\",",
            COUNTRIES[random.nextInt(COUNTRIES.length)],
            score,
            Severity.of(score),
            fraud,
            fraud ? ",\"fraud_pattern\":\"" + PATTERNS[random.nextInt(PATTERNS.length)] + "\"" : "",
            modelFields);
  }

  /** Decisions on a blocked account, as the detector writes them. */
  private static void publishEnforcement() throws Exception {
    for (int i = 0; i < ENFORCEMENT; i++) {
      String decision =
          """
            {"transaction_id":"tx-blocked-%d","user_id":"user-blocked","event_time":"2026-01-02T03:04:05Z",
             "amount":12.50,"merchant_category":"atm","country":"FR","score":1.0,"severity":"CRITICAL",
             "reasons":[{"code":"ACCOUNT_BLOCKED","detail":"blocked","contribution":1.0}],
             "features":{},"rule_set_version":"test","is_fraud":true,"fraud_pattern":"account_takeover"}
            """
              .formatted(i);
      publish("user-blocked", decision);
    }
  }

  private static void publish(String key, String value) throws Exception {
    try (KafkaProducer<String, String> producer = KafkaTestSupport.producer(broker)) {
      producer.send(new ProducerRecord<>(TopicCatalog.FRAUD_SCORES, key, value)).get();
    }
  }

  @Test
  void shouldReportExactlyWhatTheTopicHoldsAfterACrashBetweenTheDatabaseAndTheKafkaCommit()
      throws Exception {
    long firstBatch = crashAfterFirstDatabaseCommit();

    CliRunner analytics = new CliRunner();
    String[] args = {
      "analytics", "-b", broker.bootstrapServers(), "--db-data-dir", dbDir(), "--until-caught-up"
    };
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> analytics.run(args));
    try {
      assertThat(run.get(90, TimeUnit.SECONDS)).as(analytics.err()).isZero();
    } finally {
      analytics.shutdown.request();
    }
    assertThat(analytics.out()).contains("analytics: counted").contains("to go");

    JsonNode report = reportJson();
    Expected expected = Expected.fromTopic(clients());
    assertThat(expected.decisions)
        .as("aborted decisions are not read")
        .isEqualTo(COMMITTED + ENFORCEMENT);
    assertThat(firstBatch).isPositive().isLessThan(expected.decisions);
    assertThat(report.at("/totals/decisions").asLong())
        .as("the first batch is counted once although Kafka never got its commit")
        .isEqualTo(expected.decisions);
    assertThat(report.at("/totals/enforcement_decisions").asLong()).isEqualTo(ENFORCEMENT);
    assertThat(report.at("/totals/undecodable_records").asLong()).isEqualTo(1);
    assertThat(report.at("/totals/unlabelled_decisions").asLong()).isZero();
    assertThat(report.at("/totals/amount_sum").decimalValue())
        .isEqualByComparingTo(expected.amountSum);
    expected.assertDimensions(report.get("dimensions"));
    assertQuality(report.get("quality"), expected.quality.report(0.5));
    assertThat(report.get("quality")).isEqualTo(evaluated);
    expected.assertQualityByModel(report.get("by_model_version"));
    assertThat(report.get("by_model_version"))
        .as("counted once per model group too, and as evaluate counts")
        .isEqualTo(evaluatedByModel);
    assertDeadLetter();
    try (Admin admin = KafkaTestSupport.admin(broker)) {
      assertThat(
              TopicOffsets.groupLag(
                  admin, ClientCatalog.ANALYTICS_GROUP, TopicCatalog.FRAUD_SCORES))
          .as("committed to Kafka after the batches, so the group's lag reads 0")
          .isZero();
    }
  }

  @Test
  void shouldRefuseABatchWhoseOffsetsAnotherInstanceMovedAndWriteNothingOfIt() throws Exception {
    try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("postgres"), false))) {
      AnalyticsStore store = new AnalyticsStore(db.dataSource());
      String topic = "store-test";
      store.apply(new StatisticsTally(0.5), topic, Map.of(), Map.of(0, 10L)); // another instance
      long before = counter(db, "undecodable_records");
      StatisticsTally late = new StatisticsTally(0.5);
      late.addUndecodable();

      assertThatThrownBy(() -> store.apply(late, topic, Map.of(), Map.of(0, 7L)))
          .as("this instance never saw the stored offset")
          .isInstanceOf(StaleOffsetsException.class);
      assertThatThrownBy(() -> store.apply(late, topic, Map.of(0, 4L), Map.of(0, 7L)))
          .as("this instance saw an older offset")
          .isInstanceOf(StaleOffsetsException.class);
      assertThat(store.offsets(topic)).containsExactly(Map.entry(0, 10L));
      assertThat(counter(db, "undecodable_records")).isEqualTo(before);

      store.claimAlertThreshold(0.5);
      assertThatThrownBy(() -> store.claimAlertThreshold(0.7))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("0.5");
    }
  }

  @Test
  void shouldKeepCountingThroughABrokerOutageLongerThanACallsTimeout() throws Exception {
    var config = clients().batchConsumer("outage", "analytics-outage-group");
    try (Database db =
            Database.open(DatabaseSettings.embedded(dir.resolve("postgres-outage"), false));
        KafkaConsumer<String, byte[]> consumer = new OutageConsumer(config.toProperties());
        // Its dead letters stay here: the other tests count those on the topic.
        var dlq =
            new org.apache.kafka.clients.producer.MockProducer<>(
                true,
                null,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      AnalyticsConsumer analytics =
          new AnalyticsConsumer(
              consumer,
              dlq,
              new AnalyticsStore(db.dataSource()),
              AnalyticsSettings.defaults(),
              Clock.systemUTC());
      Thread loop = new Thread(analytics, "analytics-outage");
      loop.start();
      try {
        await()
            .atMost(Duration.ofMinutes(1))
            .until(() -> analytics.isCaughtUp() || analytics.fatalError() != null);
      } finally {
        analytics.stop();
        loop.join(10_000);
      }
      assertThat(analytics.fatalError()).as("stopped by the outage").isNull();
      assertThat(analytics.isCaughtUp()).isTrue();
      assertThat(countedInDatabase(db)).isEqualTo(Expected.fromTopic(clients()).decisions);
    }
  }

  /** A consumer whose first calls for end offsets time out, as during a broker outage. */
  private static final class OutageConsumer extends KafkaConsumer<String, byte[]> {
    private int timeouts = 3;

    OutageConsumer(Map<String, Object> props) {
      super(props);
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(java.util.Collection<TopicPartition> partitions) {
      if (timeouts-- > 0) {
        throw new org.apache.kafka.common.errors.TimeoutException(
            "simulated: end offsets not fetched within default.api.timeout.ms");
      }
      return super.endOffsets(partitions);
    }
  }

  /** A consumer that counts its first batch in the database, then dies before the Kafka commit. */
  private long crashAfterFirstDatabaseCommit() throws Exception {
    var config =
        clients("consumer.max.poll.records=500").batchConsumer("crashing", "analytics-group");
    try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("postgres"), false));
        KafkaConsumer<String, byte[]> consumer = new CrashingConsumer(config.toProperties());
        KafkaProducer<String, byte[]> dlq =
            new KafkaProducer<>(clients().producer("dlq").toProperties())) {
      AnalyticsConsumer analytics =
          new AnalyticsConsumer(
              consumer,
              dlq,
              new AnalyticsStore(db.dataSource()),
              AnalyticsSettings.defaults(),
              Clock.systemUTC());
      analytics.run(); // returns when the simulated crash stops it
      assertThat(analytics.fatalError()).hasMessageContaining("simulated crash");
      assertThat(committedOffsets()).as("Kafka never saw a commit").isEmpty();
      return countedInDatabase(db);
    }
  }

  /** Decisions the database holds. */
  private static long countedInDatabase(Database db) throws Exception {
    return counter(db, "decisions");
  }

  private static long counter(Database db, String name) throws Exception {
    try (var c = db.connection();
        var s = c.prepareStatement("SELECT value FROM analytics_counters WHERE name = ?")) {
      s.setString(1, name);
      try (var rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static String dbDir() {
    return dir.resolve("postgres").toString();
  }

  private JsonNode reportJson() throws Exception {
    Path out = dir.resolve("report.json");
    CliRunner cli = new CliRunner();
    assertThat(
            cli.run(
                "report", "--db-data-dir", dbDir(), "--format", "json", "--output", out.toString()))
        .as(cli.err())
        .isZero();
    CliRunner text = new CliRunner();
    assertThat(text.run("report", "--db-data-dir", dbDir())).as(text.err()).isZero();
    assertThat(text.out()).contains("By merchant category", "ROC AUC", "PATTERN");
    return JSON.readTree(out.toFile());
  }

  private static JsonNode evaluateJson() throws Exception {
    Path out = dir.resolve("evaluate.json");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("evaluate", "-b", broker.bootstrapServers(), "--json", out.toString()))
        .as(cli.err())
        .isZero();
    ObjectNode node = (ObjectNode) JSON.readTree(out.toFile());
    node.remove("blocked_account_decisions"); // the report has it under totals
    assertThat(node.remove("undecodable_records").asLong()).isEqualTo(1);
    // Two models and the rules alone; without a model the rules' score is the score.
    evaluatedByModel = node.remove("by_model_version");
    assertThat(fieldNames(evaluatedByModel)).containsExactly("m1", "m2", "rules only");
    assertThat(evaluatedByModel.at("/rules only/score"))
        .isEqualTo(evaluatedByModel.at("/rules only/rules_score"));
    assertThat(evaluatedByModel.at("/m1/score"))
        .isNotEqualTo(evaluatedByModel.at("/m1/rules_score"));
    return node; // JSON object equality ignores key order
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertQuality(JsonNode q, QualityReport expected) {
    assertThat(q.get("decisions").asLong()).isEqualTo(expected.decisions());
    assertThat(q.at("/confusion_matrix/tp").asLong()).isEqualTo(expected.overall().truePositives());
    assertThat(q.at("/confusion_matrix/fp").asLong())
        .isEqualTo(expected.overall().falsePositives());
    assertThat(q.at("/confusion_matrix/tn").asLong()).isEqualTo(expected.overall().trueNegatives());
    assertThat(q.at("/confusion_matrix/fn").asLong())
        .isEqualTo(expected.overall().falseNegatives());
    assertThat(q.get("precision").asDouble()).isEqualTo(expected.precision());
    assertThat(q.get("recall").asDouble()).isEqualTo(expected.recall());
    assertThat(q.get("f1").asDouble()).isEqualTo(expected.f1());
    assertThat(q.get("auc").asDouble()).isEqualTo(expected.auc());
    assertThat(q.get("per_pattern").size()).isEqualTo(expected.perPattern().size()).isPositive();
    expected
        .perPattern()
        .forEach(
            (name, p) -> {
              assertThat(q.at("/per_pattern/" + name + "/recall").asDouble()).isEqualTo(p.recall());
              assertThat(q.at("/per_pattern/" + name + "/f1").asDouble()).isEqualTo(p.f1());
            });
  }

  private void assertDeadLetter() {
    List<ConsumerRecord<String, byte[]>> dead =
        KafkaTestSupport.readAllBytes(broker.bootstrapServers(), TopicCatalog.PERSISTENCE_DLQ, 1);
    assertThat(dead).hasSize(1);
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not a decision");
    assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.ORIGIN_TOPIC))
        .isEqualTo(TopicCatalog.FRAUD_SCORES);
  }

  private Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
    try (Admin admin = KafkaTestSupport.admin(broker)) {
      return admin
          .listConsumerGroupOffsets(ClientCatalog.ANALYTICS_GROUP)
          .partitionsToOffsetAndMetadata()
          .get();
    }
  }

  /** Dies right after the database commit of its first batch. */
  private static final class CrashingConsumer extends KafkaConsumer<String, byte[]> {
    CrashingConsumer(Map<String, Object> props) {
      super(props);
    }

    @Override
    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      throw new IllegalStateException("simulated crash before the Kafka commit");
    }
  }

  /** The figures computed from fraud-scores without the analytics code. */
  private static final class Expected {
    long decisions;
    BigDecimal amountSum = BigDecimal.ZERO;
    final DetectionQuality quality = new DetectionQuality();
    final Map<String, DetectionQuality> byModel = new TreeMap<>();
    final Map<String, DetectionQuality> rulesByModel = new TreeMap<>();
    final Map<String, long[]> byCategory = new TreeMap<>();
    final Map<String, long[]> byHour = new TreeMap<>();
    final Map<String, long[]> byAmount = new TreeMap<>();

    static Expected fromTopic(ClientConfigFactory clients) {
      Expected e = new Expected();
      CommittedRecords.read(clients, TopicCatalog.FRAUD_SCORES, Map.of(), e::add);
      return e;
    }

    private void add(ConsumerRecord<String, byte[]> record) {
      JsonNode d;
      try {
        d = JSON.readTree(record.value());
      } catch (IOException notJson) {
        return;
      }
      decisions++;
      amountSum = amountSum.add(d.get("amount").decimalValue());
      DecisionSummary s = DecisionCodec.decodeSummary(record.value());
      boolean enforcement = s.reasonCodes().contains("ACCOUNT_BLOCKED");
      if (!enforcement) {
        quality.add(s.score(), s.isFraud(), s.fraudPattern());
        String group = d.path("model_version").asText("rules only");
        byModel
            .computeIfAbsent(group, g -> new DetectionQuality())
            .add(s.score(), s.isFraud(), s.fraudPattern());
        rulesByModel
            .computeIfAbsent(group, g -> new DetectionQuality())
            .add(d.path("rules_score").asDouble(s.score()), s.isFraud(), s.fraudPattern());
      }
      // {transactions, labelled fraud, alerts, true alerts}
      long[] counts = {
        1,
        !enforcement && s.isFraud() ? 1 : 0,
        !enforcement && s.score() >= 0.5 ? 1 : 0,
        !enforcement && s.isFraud() && s.score() >= 0.5 ? 1 : 0
      };
      String category = d.path("merchant_category").asText("unknown");
      String hour = d.get("event_time").asText().substring(11, 13); // ISO-8601 in UTC
      double amount = d.get("amount").asDouble();
      String bucket =
          amount < 10
              ? "0-10"
              : amount < 50
                  ? "10-50"
                  : amount < 100
                      ? "50-100"
                      : amount < 500
                          ? "100-500"
                          : amount < 1000 ? "500-1000" : amount < 5000 ? "1000-5000" : "5000+";
      merge(byCategory, category, counts);
      merge(byHour, hour, counts);
      merge(byAmount, bucket, counts);
    }

    private static void merge(Map<String, long[]> map, String key, long[] counts) {
      long[] sum = map.computeIfAbsent(key, k -> new long[counts.length]);
      for (int i = 0; i < counts.length; i++) {
        sum[i] += counts[i];
      }
    }

    void assertQualityByModel(JsonNode byModelVersion) {
      assertThat(fieldNames(byModelVersion)).containsExactlyElementsOf(byModel.keySet());
      byModel.forEach(
          (group, q) -> {
            assertQuality(byModelVersion.get(group).get("score"), q.report(0.5));
            assertQuality(
                byModelVersion.get(group).get("rules_score"), rulesByModel.get(group).report(0.5));
          });
    }

    void assertDimensions(JsonNode dimensions) {
      assertDimension(dimensions.get("merchant_category"), byCategory);
      assertDimension(dimensions.get("hour_of_day"), byHour);
      assertDimension(dimensions.get("amount_bucket"), byAmount);
    }

    private static void assertDimension(JsonNode rows, Map<String, long[]> expected) {
      Map<String, long[]> actual = new TreeMap<>();
      rows.forEach(
          r ->
              actual.put(
                  r.get("bucket").asText(),
                  new long[] {
                    r.get("transactions").asLong(),
                    r.get("labelled_fraud").asLong(),
                    r.get("alerts").asLong(),
                    r.get("true_alerts").asLong()
                  }));
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      expected.forEach(
          (bucket, counts) -> assertThat(actual.get(bucket)).as(bucket).containsExactly(counts));
    }
  }
}
