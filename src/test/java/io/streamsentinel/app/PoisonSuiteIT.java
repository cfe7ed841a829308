package io.streamsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.analytics.AnalyticsService;
import io.streamsentinel.analytics.AnalyticsSettings;
import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseSettings;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.DeadLetters;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.GroupInput;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.learning.TrainingSet;
import io.streamsentinel.learning.TrainingSetReader;
import io.streamsentinel.persistence.SinkService;
import io.streamsentinel.response.ActionNotifier;
import io.streamsentinel.response.AlertResponder;
import io.streamsentinel.response.ResponderService;
import io.streamsentinel.response.ResponderSettings;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.streaming.FraudTopology;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.WarningLog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poison suite: every stage of the pipeline, on a real broker and a real PostgreSQL, fed normal
 * traffic with every kind of {@link Poison} in every topic it reads. Each stage must stay up, each
 * poison record must reach the dead-letter topic with its reason (or be skipped with a log line
 * where that is the documented behaviour), the normal traffic must be processed in full and every
 * group's lag must return to 0.
 */
class PoisonSuiteIT {

  private static final int USERS = 100;
  private static final int TX_PER_USER = 10;
  private static final String POISON_USER = "poison-user";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path dir;
  private WarningLog warnings;
  private List<Poison.Target> targets;
  private EmbeddedKafkaBroker broker;
  private Database database;
  private ClientConfigFactory clients;
  private DetectorService detector;
  private ResponderService responder;
  private SinkService sink;
  private AnalyticsService analytics;

  /** One poison record as it was written. */
  record Sent(String topic, Poison poison, int copy, int partition, long offset) {
    String at() {
      return topic + "-" + partition + "@" + offset;
    }
  }

  @BeforeEach
  void start() throws Exception {
    warnings = WarningLog.attach();
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    CliRunner topics = new CliRunner();
    assertThat(topics.run("topics", "create", "-b", broker.bootstrapServers()))
        .as(topics.err())
        .isZero();
    clients = new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
    database = Database.open(DatabaseSettings.embedded(dir.resolve("postgres"), false));
    detector =
        new DetectorService(
                clients.streams(
                    new StreamsSettings(
                        ClientCatalog.DETECTOR_GROUP,
                        StreamsSettings.Guarantee.EXACTLY_ONCE,
                        1,
                        dir.resolve("streams"),
                        DetectorSettings.DLQ_TOPIC)),
                DetectorSettings.defaults(RuleSetCodec.loadDefault()))
            .start();
    responder =
        new ResponderService(clients, new ResponderSettings("poison", null), ClientMetrics.none())
            .start();
    sink = new SinkService(clients, database, "poison").start();
    analytics = new AnalyticsService(clients, database, AnalyticsSettings.defaults()).start();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable part :
        new AutoCloseable[] {analytics, sink, responder, detector, database, broker, warnings}) {
      if (part != null) {
        part.close();
      }
    }
  }

  @Test
  void shouldDeadLetterEveryPoisonRecordKeepEveryStageUpAndProcessAllTheRest() throws Exception {
    List<Transaction> valid = validTransactions();
    List<Label> labels = labels(valid);
    List<Sent> sent = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      sendValid(producer, valid.subList(0, valid.size() / 2), labels.subList(0, labels.size() / 2));
      // The poison is made from valid records of each topic; the decision is a real one.
      targets = targets(firstDecision());
      for (Poison.Target target : targets) {
        for (Poison poison : Poison.values()) {
          if (!target.takes(poison)) {
            continue;
          }
          for (int n = 0; n < poison.copies; n++) {
            RecordMetadata at =
                producer
                    .send(
                        new ProducerRecord<>(
                            target.topic(),
                            null,
                            poison.recordTimestamp(),
                            target.key(),
                            poison.value(target, n)))
                    .get();
            sent.add(new Sent(target.topic(), poison, n, at.partition(), at.offset()));
          }
        }
      }
      // Record timestamps: -1 means "none" and anything below is refused by the producer; the
      // broker refuses one more than an hour ahead (log.message.timestamp.after.max.ms).
      assertThatThrownBy(
              () ->
                  producer
                      .send(
                          new ProducerRecord<>(
                              TopicCatalog.TRANSACTIONS,
                              null,
                              Long.MAX_VALUE,
                              POISON_USER,
                              new TransactionCodec(TransactionLimits.DEFAULTS)
                                  .encode(tx("ts-max", POISON_USER, 1, NOW))))
                      .get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(InvalidTimestampException.class);
      assertThatThrownBy(
              () ->
                  new ProducerRecord<>(
                      TopicCatalog.TRANSACTIONS, null, -Long.MAX_VALUE, POISON_USER, new byte[0]))
          .isInstanceOf(IllegalArgumentException.class);
      sendValid(
          producer,
          valid.subList(valid.size() / 2, valid.size()),
          labels.subList(labels.size() / 2, labels.size()));
    }

    try (Admin admin = Admin.create(clients.admin(ClientCatalog.LAG).toProperties())) {
      try {
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> !stagesFailed().isEmpty() || allCaughtUp(admin));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        for (GroupInput input : inputs()) {
          System.out.println("LAG " + input.group() + " " + input.lag(admin));
        }
        outcomes(sent).forEach((k, v) -> System.out.println("OUTCOME " + k + " -> " + v));
        throw e;
      }
      assertThat(stagesFailed()).isEmpty();
      for (GroupInput input : inputs()) {
        assertThat(input.lag(admin)).as("lag of " + input.group()).isZero();
      }
    }

    // Each poison record: dead-lettered once by each stage that reads it, with the reason naming
    // the offending input, or skipped with a log line, or (where it is valid input after all)
    // taken in.
    Map<String, String> outcomes = outcomes(sent);
    Map<String, String> expected = new LinkedHashMap<>();
    for (Sent s : sent) {
      for (String stage : PoisonOutcomes.stagesReading(s.topic())) {
        expected.put(key(s, stage), PoisonOutcomes.expected(target(s.topic()), s.poison(), stage));
      }
    }
    assertThat(outcomes).hasSameSizeAs(expected);
    List<String> unexpected = new ArrayList<>();
    outcomes.forEach(
        (key, outcome) -> {
          String want = expected.get(key);
          if (!outcome.startsWith(PoisonOutcomes.kind(want))
              || !outcome.contains(PoisonOutcomes.reason(want))) {
            unexpected.add(key + ": " + outcome + ", expected " + want);
          }
        });
    assertThat(unexpected).isEmpty();
    // Nothing else is dead-lettered: no valid record, no poison record twice.
    assertThat(deadLetters(TopicCatalog.TRANSACTIONS_DLQ))
        .isEqualTo(expectedLetters(expected, "detector"));
    assertThat(deadLetters(TopicCatalog.FRAUD_ALERTS_DLQ))
        .isEqualTo(expectedLetters(expected, "responder"));
    assertThat(deadLetters(TopicCatalog.PERSISTENCE_DLQ))
        .isEqualTo(
            expectedLetters(expected, "persistence") + expectedLetters(expected, "analytics"));
    assertThat(analytics.counters().deadLetters())
        .isEqualTo(expectedLetters(expected, "analytics"));

    // The normal traffic, in full: a decision per valid transaction, each stored once.
    long poisonDecisions = count(sent, TopicCatalog.FRAUD_SCORES);
    assertThat(decidedTransactions()).containsExactlyInAnyOrderElementsOf(ids(valid));
    long alerts =
        CommittedRecords.count(clients, TopicCatalog.FRAUD_ALERTS, Map.of())
            - count(sent, TopicCatalog.FRAUD_ALERTS);
    long actions =
        CommittedRecords.count(clients, TopicCatalog.USER_ACTIONS, Map.of())
            - count(sent, TopicCatalog.USER_ACTIONS);
    assertThat(alerts).as("alerts raised").isPositive();
    assertThat(actions).as("actions taken").isPositive();
    assertThat(rows("decisions"))
        .isEqualTo(valid.size() + stored(expected, TopicCatalog.FRAUD_SCORES));
    assertThat(rows("alerts")).isEqualTo(alerts + stored(expected, TopicCatalog.FRAUD_ALERTS));
    assertThat(rows("actions")).isEqualTo(actions + stored(expected, TopicCatalog.USER_ACTIONS));
    assertThat(rows("labels"))
        .isEqualTo(labels.size() + stored(expected, TopicCatalog.FRAUD_FEEDBACK));
    assertThat(rows("account_status_history")).isEqualTo(storableStatuses(sent, expected));
    assertThat(CommittedRecords.count(clients, TopicCatalog.FRAUD_SCORES, Map.of()))
        .as("decisions: one per valid transaction, none for poison")
        .isEqualTo(valid.size() + poisonDecisions);

    // The learner reads fraud-feedback and fraud-scores as a batch, skipping and counting what is
    // not a label or a decision.
    TrainingSetReader.Result read =
        new TrainingSetReader(clients).read(TrainingSet.builder(), (topic, n) -> {});
    assertThat(read.undecodableLabels()).isEqualTo(learnerSkips(TopicCatalog.FRAUD_FEEDBACK));
    assertThat(read.undecodableDecisions()).isEqualTo(learnerSkips(TopicCatalog.FRAUD_SCORES));
    assertThat(stagesFailed()).isEmpty();
  }

  // ---- the pipeline's state

  private List<String> stagesFailed() {
    List<String> failed = new ArrayList<>();
    if (detector.state() != KafkaStreams.State.RUNNING || detector.failure() != null) {
      failed.add("detector " + detector.state() + ": " + detector.failure());
    }
    if (!responder.isRunning() || responder.fatalError() != null) {
      failed.add("responder: " + responder.fatalError());
    }
    if (!sink.isRunning() || sink.fatalError() != null) {
      failed.add("persistence: " + sink.fatalError());
    }
    if (!analytics.isRunning() || analytics.fatalError() != null) {
      failed.add("analytics: " + analytics.fatalError());
    }
    return failed;
  }

  /** Every group's lag is 0, checked in the order of the flow so no output is still on its way. */
  private boolean allCaughtUp(Admin admin) throws InterruptedException {
    for (GroupInput input : inputs()) {
      if (input.lag(admin) != 0) {
        return false;
      }
    }
    return true;
  }

  /** What each consumer group reads, in the order of the flow: every group of the catalog. */
  private List<GroupInput> inputs() {
    List<GroupInput> inputs =
        List.of(
            detector.input(),
            responder.input(),
            GroupInput.of(ActionNotifier.GROUP, TopicCatalog.USER_ACTIONS),
            sink.input(),
            analytics.input());
    assertThat(inputs).extracting(GroupInput::group).isEqualTo(ClientCatalog.GROUPS);
    return inputs;
  }

  // ---- outcomes

  /** Per poison record and stage: "dlq(field: problem)", "skipped" (a log line) or "accepted". */
  private Map<String, String> outcomes(List<Sent> sent) {
    Map<String, List<ConsumerRecord<String, byte[]>>> letters = new TreeMap<>();
    for (String dlq :
        List.of(
            TopicCatalog.TRANSACTIONS_DLQ,
            TopicCatalog.FRAUD_ALERTS_DLQ,
            TopicCatalog.PERSISTENCE_DLQ)) {
      CommittedRecords.read(
          clients,
          dlq,
          Map.of(),
          r ->
              letters
                  .computeIfAbsent(
                      header(r, DeadLetters.ERROR_STAGE)
                          + " "
                          + header(r, DeadLetters.ORIGIN_TOPIC)
                          + "-"
                          + header(r, DeadLetters.ORIGIN_PARTITION)
                          + "@"
                          + header(r, DeadLetters.ORIGIN_OFFSET),
                      k -> new ArrayList<>())
                  .add(r));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Sent s : sent) {
      for (String stage : PoisonOutcomes.stagesReading(s.topic())) {
        List<ConsumerRecord<String, byte[]>> mine =
            letters.getOrDefault(stage + " " + s.at(), List.of());
        String outcome;
        if (mine.size() > 1) {
          outcome = mine.size() + " dead letters";
        } else if (mine.size() == 1) {
          ConsumerRecord<String, byte[]> l = mine.get(0);
          outcome =
              "dlq("
                  + header(l, DeadLetters.ERROR_FIELD)
                  + ": "
                  + header(l, DeadLetters.ERROR_PROBLEM)
                  + ")";
        } else if (!warnings.naming(loggerOf(stage), s.at()).isEmpty()) {
          outcome = "skipped";
        } else {
          outcome = "accepted";
        }
        out.put(key(s, stage), outcome);
      }
    }
    return out;
  }

  /** The logger whose WARN lines name the records a stage skipped. */
  private static String loggerOf(String stage) {
    return switch (stage) {
      case "responder" -> AlertResponder.class.getName();
      case "notifier" -> ActionNotifier.class.getName();
      case "detector-status" -> FraudTopology.class.getName();
      case "persistence" -> "io.streamsentinel.persistence.SinkDecoder";
      default -> PoisonSuiteIT.class.getName(); // stages that never skip
    };
  }

  private static String key(Sent s, String stage) {
    return s.topic() + " " + s.poison() + "#" + s.copy() + " " + stage;
  }

  private Poison.Target target(String topic) {
    return targets.stream().filter(t -> t.topic().equals(topic)).findFirst().orElseThrow();
  }

  /** The dead letters a stage is expected to send, by its expected outcomes. */
  private static long expectedLetters(Map<String, String> expected, String stage) {
    return expected.entrySet().stream()
        .filter(
            e ->
                e.getKey().endsWith(" " + stage) && PoisonOutcomes.kind(e.getValue()).equals("dlq"))
        .count();
  }

  /** Poison records of a topic that the persistence sink is expected to store. */
  private static long stored(Map<String, String> expected, String topic) {
    return expected.entrySet().stream()
        .filter(
            e ->
                e.getKey().startsWith(topic + " ")
                    && e.getKey().endsWith(" persistence")
                    && PoisonOutcomes.kind(e.getValue()).equals("accepted"))
        .count();
  }

  private static long count(List<Sent> sent, String topic) {
    return sent.stream().filter(s -> s.topic().equals(topic)).count();
  }

  private long deadLetters(String topic) {
    return CommittedRecords.count(clients, topic, Map.of());
  }

  private static List<String> ids(List<Transaction> txs) {
    return txs.stream().map(Transaction::transactionId).toList();
  }

  /** The transaction ids of the detector's decisions (the poison on fraud-scores left out). */
  private List<String> decidedTransactions() {
    List<String> ids = new ArrayList<>();
    CommittedRecords.read(
        clients,
        TopicCatalog.FRAUD_SCORES,
        Map.of(),
        r -> {
          if (r.key() != null && !r.key().equals(POISON_USER)) {
            ids.add(DecisionCodec.decodeSummary(r.value()).transactionId());
          }
        });
    return ids;
  }

  /** Distinct rows of the status history: the responder's statuses and the storable poison. */
  private long storableStatuses(List<Sent> sent, Map<String, String> expected) {
    Set<String> refused = new HashSet<>();
    for (Sent s : sent) {
      if (s.topic().equals(TopicCatalog.ACCOUNT_STATUS)
          && !PoisonOutcomes.kind(expected.get(key(s, "persistence"))).equals("accepted")) {
        refused.add(s.at());
      }
    }
    Set<String> rows = new HashSet<>();
    CommittedRecords.read(
        clients,
        TopicCatalog.ACCOUNT_STATUS,
        Map.of(),
        r -> {
          if (!refused.contains(r.topic() + "-" + r.partition() + "@" + r.offset())) {
            AccountState state = AccountStateCodec.decode(r.value());
            Instant at =
                state.updatedAt() != null ? state.updatedAt() : Instant.ofEpochMilli(r.timestamp());
            rows.add(state.userId() + " " + at + " " + state.status());
          }
        });
    return rows.size();
  }

  /** Poison records the learner's reader cannot decode, so skips and counts. */
  private static long learnerSkips(String topic) {
    Set<Poison> unreadable =
        topic.equals(TopicCatalog.FRAUD_FEEDBACK)
            ? Set.of(
                Poison.TOMBSTONE,
                Poison.HUGE_LZ4,
                Poison.LONG_TEXT,
                Poison.MAX_MILLIS,
                Poison.MIN_MILLIS,
                Poison.RAW_SURROGATE,
                Poison.GARBAGE,
                Poison.NUL,
                Poison.YEAR_10000,
                Poison.MAX_INSTANT,
                Poison.MIN_INSTANT)
            : Set.of(
                Poison.TOMBSTONE,
                Poison.HUGE_NUMBER,
                Poison.MAX_MILLIS,
                Poison.MIN_MILLIS,
                Poison.RAW_SURROGATE,
                Poison.GARBAGE,
                Poison.NUL,
                Poison.YEAR_10000,
                Poison.MAX_INSTANT,
                Poison.MIN_INSTANT);
    return unreadable.stream().mapToLong(p -> p.copies).sum();
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    return DeadLetters.header(r.headers(), name);
  }

  // ---- normal traffic

  private static List<Transaction> validTransactions() {
    List<Transaction> txs = new ArrayList<>();
    String[] merchants = {"Grocer", "Bakery", "Fuel", "Pharmacy", "Books"};
    for (int u = 0; u < USERS; u++) {
      String user = String.format("user-%03d", u);
      for (int i = 0; i < TX_PER_USER; i++) {
        Instant time = NOW.minus(Duration.ofHours(20)).plus(Duration.ofMinutes(90L * i + u));
        txs.add(
            tx(user + "-tx-" + i, user, 20 + (u + i) % 30, time).toBuilder()
                .merchant(merchants[(u + i) % merchants.length])
                .build());
      }
      if (u < 20) { // a spree: three payments within a minute, the third raises an alert
        for (int k = 0; k < 3; k++) {
          txs.add(
              tx(user + "-spree-" + k, user, 900, NOW.minusSeconds(40 - 10L * k)).toBuilder()
                  .merchant("Jeweller " + k)
                  .build());
        }
      }
    }
    return txs;
  }

  private static Transaction tx(String id, String user, int amount, Instant time) {
    return Transaction.builder()
        .transactionId(id)
        .userId(user)
        .amount(new BigDecimal(amount))
        .timestamp(time)
        .merchant("Grocer")
        .country("US")
        .build();
  }

  private static List<Label> labels(List<Transaction> valid) {
    List<Label> labels = new ArrayList<>();
    for (Transaction tx : valid) {
      boolean big = tx.transactionId().endsWith("-spree-2");
      if (big || tx.transactionId().endsWith("-tx-3")) {
        labels.add(
            new Label(tx.transactionId(), big, tx.userId(), Label.CHARGEBACK, NOW.minusSeconds(5)));
      }
    }
    return labels;
  }

  private void sendValid(
      KafkaProducer<String, byte[]> producer, List<Transaction> txs, List<Label> labels)
      throws Exception {
    TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
    for (Transaction tx : txs) {
      producer.send(new ProducerRecord<>(TopicCatalog.TRANSACTIONS, tx.userId(), codec.encode(tx)));
    }
    for (Label label : labels) {
      producer.send(
          new ProducerRecord<>(
              TopicCatalog.FRAUD_FEEDBACK, label.userId(), LabelCodec.encode(label)));
    }
    producer.flush();
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4",
            // The producer checks the uncompressed size; the broker receives a few KB.
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            8 * 1024 * 1024),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  // ---- the valid record of each topic that the poison is made from

  private static List<Poison.Target> targets(byte[] realDecision) {
    Transaction tx = tx("poison-tx", POISON_USER, 25, NOW.minusSeconds(60));
    ObjectNode transaction =
        Poison.parse(new TransactionCodec(TransactionLimits.DEFAULTS).encode(tx));
    ObjectNode decision = Poison.parse(realDecision);
    decision.put("user_id", POISON_USER);
    ObjectNode alert = decision.deepCopy();
    alert.put("alert_id", "poison-alert");
    alert.put("score", 0.95);
    alert.put("severity", "CRITICAL");
    ObjectNode action =
        Poison.parse(
            UserActionCodec.encode(
                new UserAction(
                    "poison-action",
                    "poison-alert",
                    "poison-tx",
                    POISON_USER,
                    ActionType.NOTIFY_FRAUD_TEAM,
                    Severity.CRITICAL,
                    List.of("AMOUNT_SPIKE"),
                    NOW,
                    NOW.minusSeconds(60),
                    "policy-1",
                    UserAction.RESPONDER,
                    null)));
    ObjectNode status =
        Poison.parse(
            AccountStateCodec.encode(
                new AccountState(POISON_USER, AccountStatus.BLOCKED, "poison", NOW, null)));
    ObjectNode label =
        Poison.parse(
            LabelCodec.encode(new Label("poison-tx", true, POISON_USER, Label.ANALYST, NOW)));
    String huge = "1e1000000";
    return List.of(
        new Poison.Target(
            TopicCatalog.TRANSACTIONS,
            POISON_USER,
            transaction,
            "transaction_id",
            "merchant",
            "timestamp",
            "amount",
            huge),
        new Poison.Target(
            TopicCatalog.FRAUD_SCORES,
            POISON_USER,
            decision,
            "transaction_id",
            "merchant_category",
            "event_time",
            "features",
            "{\"amount\":" + huge + "}"),
        new Poison.Target(
            TopicCatalog.FRAUD_ALERTS,
            POISON_USER,
            alert,
            "alert_id",
            "transaction_id",
            "event_time",
            "reasons",
            "[{\"code\":\"AMOUNT\",\"detail\":\"d\",\"contribution\":" + huge + "}]"),
        new Poison.Target(
            TopicCatalog.USER_ACTIONS,
            POISON_USER,
            action,
            "action_id",
            "note",
            "decided_at",
            null,
            null),
        new Poison.Target(
            TopicCatalog.ACCOUNT_STATUS,
            POISON_USER,
            status,
            "reason",
            "reason",
            "updated_at",
            null,
            null),
        new Poison.Target(
            TopicCatalog.FRAUD_FEEDBACK,
            POISON_USER,
            label,
            "source",
            "transaction_id",
            "labelled_at",
            null,
            null));
  }

  /** The first decision the detector committed, waiting for it. */
  private byte[] firstDecision() {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              List<byte[]> values = new ArrayList<>();
              CommittedRecords.read(
                  clients, TopicCatalog.FRAUD_SCORES, Map.of(), r -> values.add(r.value()));
              return values.isEmpty() ? null : values.get(0);
            },
            value -> value != null);
  }

  // ---- the database

  private long rows(String table) throws Exception {
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }
}
