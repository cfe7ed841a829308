package io.streamsentinel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule sets published on {@code fraud-rules} reach two running detectors of one group without a
 * restart; an invalid set is refused and the one in force stays; a rollback brings an earlier set
 * back; a shadow rule set alerting on everything raises no alert.
 */
class RulesAtRuntimeIT {

  private static final int EVENTS = 1_500;
  private static final Duration SWITCH_LIMIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;

  @BeforeEach
  void startBroker() {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  private ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  private CliRunner run(int expectedExit, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-b", broker.bootstrapServers()));
    CliRunner cli = new CliRunner();
    assertThat(cli.run(all.toArray(String[]::new)))
        .as(cli.out() + cli.err())
        .isEqualTo(expectedExit);
    return cli;
  }

  /** A rule set of one rule on {@code amount >= minimum} with this weight. */
  private Path ruleFile(String version, double minimum, double weight) throws Exception {
    Path file = dir.resolve(version + ".json");
    Files.writeString(
        file,
        "{\"version\":\""
            + version
            + "\",\"rules\":[{\"id\":\"any_amount\",\"description\":\"test\",\"conditions\":"
            + "[{\"feature\":\"amount\",\"op\":\">=\",\"threshold\":"
            + minimum
            + "}],\"weight\":"
            + weight
            + ",\"reason_code\":\"ANY_AMOUNT\",\"detail\":\"{amount}\"}]}");
    return file;
  }

  private DetectorService detector(String instance) {
    return new DetectorService(
            clients()
                .streams(
                    new StreamsSettings(
                        ClientCatalog.DETECTOR_GROUP,
                        StreamsSettings.Guarantee.EXACTLY_ONCE,
                        1,
                        dir.resolve("streams-" + instance),
                        DetectorSettings.DLQ_TOPIC)),
            DetectorSettings.defaults(RuleSetCodec.loadDefault()),
            ClientMetrics.none(),
            clients())
        .start();
  }

  private void generate(int seed, long decisionsAfter) {
    run(
        0,
        "generate",
        "--count",
        String.valueOf(EVENTS),
        "--tps",
        "max",
        "--users",
        "300",
        "--seed",
        String.valueOf(seed),
        "--fraud-rate",
        "0.05");
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> CommittedTopics.decisions(clients()) >= decisionsAfter);
  }

  private List<DecisionDocument> decisions() {
    List<DecisionDocument> all = new ArrayList<>();
    CommittedRecords.read(
        clients(),
        TopicCatalog.FRAUD_SCORES,
        Map.of(),
        r -> all.add(DecisionDocumentReader.read(r.value())));
    return all;
  }

  /** The decisions on the transactions of one generator seed (ids {@code tx_<seed>_n}). */
  private List<DecisionDocument> decisionsOfSeed(int seed) {
    return decisions().stream()
        .filter(d -> d.transactionId().startsWith("tx_" + Integer.toHexString(seed) + "_"))
        .toList();
  }

  private static Duration awaitBoth(DetectorService a, DetectorService b, String version) {
    long start = System.nanoTime();
    await()
        .atMost(SWITCH_LIMIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> version.equals(a.ruleSetVersion()) && version.equals(b.ruleSetVersion()));
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void publishedRulesShouldReachRunningDetectorsAndInvalidOnesShouldBeRefused() throws Exception {
    run(0, "topics", "create");
    String defaults = RuleSetCodec.loadDefault().version();
    Path quiet = ruleFile("quiet-1", 1e12, 0.5);
    Path mild = ruleFile("mild-1", 0, 0.2);
    Path everything = ruleFile("everything-1", 0, 1.0);
    Path invalid = dir.resolve("invalid.json");
    Files.writeString(
        invalid,
        Files.readString(quiet).replace("quiet-1", "invalid-1").replace("\"amount\"", "\"amont\""));

    try (DetectorService a = detector("a");
        DetectorService b = detector("b")) {
      generate(1, EVENTS);
      assertThat(decisions()).allSatisfy(d -> assertThat(d.ruleSetVersion()).isEqualTo(defaults));

      // Published: both detectors switch without restart; every later decision names the set.
      CliRunner published = run(0, "rules", "publish", mild.toString(), "--yes");
      assertThat(published.out()).contains("Backtest of rule set mild-1").contains("ROC AUC");
      assertThat(published.out()).contains("mild-1 published");
      Duration switched = awaitBoth(a, b, "mild-1");
      System.out.println("Both detectors scored with mild-1 " + switched.toMillis() + " ms after");
      generate(2, 2L * EVENTS);
      List<DecisionDocument> second = decisionsOfSeed(2);
      assertThat(second).hasSize(EVENTS);
      assertThat(second)
          .allSatisfy(
              d -> {
                assertThat(d.ruleSetVersion()).isEqualTo("mild-1");
                assertThat(d.score()).isEqualTo(0.2);
              });

      // Refused: an invalid file at publish, and an invalid record written past the command.
      assertThat(run(2, "rules", "publish", invalid.toString(), "--yes").err())
          .contains("any_amount")
          .contains("amont");
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              clients().producer("test").toProperties(),
              new StringSerializer(),
              new ByteArraySerializer())) {
        producer
            .send(
                new ProducerRecord<>(
                    TopicCatalog.FRAUD_RULES,
                    "invalid-1",
                    ("{\"version\":\"invalid-1\",\"status\":\"active\",\"sha256\":\"0\","
                            + "\"published_at\":\"2026-01-01T00:00:00Z\","
                            + "\"status_changed_at\":\"2026-01-01T00:00:00Z\",\"rules\":"
                            + Files.readString(invalid)
                            + "}")
                        .getBytes(StandardCharsets.UTF_8)))
            .get();
      }
      Files.writeString(
          dir.resolve("clash.json"), Files.readString(quiet).replace("quiet-1", "mild-1"));
      assertThat(run(2, "rules", "publish", dir.resolve("clash.json").toString(), "--yes").err())
          .contains("'mild-1' is already published with other rules");

      // Rollback, then a shadow that would alert on everything.
      run(0, "rules", "publish", quiet.toString(), "--yes");
      awaitBoth(a, b, "quiet-1");
      assertThat(run(0, "rules", "rollback", "mild-1").out()).contains("mild-1 is in force again");
      awaitBoth(a, b, "mild-1");
      assertThat(a.ruleSetVersion()).isEqualTo("mild-1"); // the invalid record changed nothing
      long alertsBefore = CommittedRecords.count(clients(), TopicCatalog.FRAUD_ALERTS, Map.of());
      assertThat(run(0, "model", "shadow", "--rules", everything.toString()).out())
          .contains("everything-1 runs as the shadow rule set");
      await()
          .atMost(SWITCH_LIMIT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  "everything-1".equals(a.shadowRuleSetVersion())
                      && "everything-1".equals(b.shadowRuleSetVersion()));
      generate(3, 3L * EVENTS);
      List<DecisionDocument> third = decisionsOfSeed(3);
      assertThat(third).hasSize(EVENTS);
      assertThat(third)
          .allSatisfy(
              d -> {
                assertThat(d.ruleSetVersion()).isEqualTo("mild-1");
                assertThat(d.shadowVersion()).isEqualTo("rules:everything-1");
                assertThat(d.shadowScore()).isEqualTo(1.0);
              });
      assertThat(CommittedRecords.count(clients(), TopicCatalog.FRAUD_ALERTS, Map.of()))
          .isEqualTo(alertsBefore);
    }

    CliRunner list = run(0, "rules", "list");
    assertThat(list.out())
        .containsPattern("mild-1\\s+active")
        .containsPattern("quiet-1\\s+archived")
        .containsPattern("everything-1\\s+shadow")
        .doesNotContain("invalid-1");
    CliRunner show = run(0, "rules", "show", "active");
    assertThat(RuleSetCodec.parse("shown", show.out().getBytes(StandardCharsets.UTF_8)).version())
        .isEqualTo("mild-1");
    assertThat(run(2, "rules", "show", "nope-9").err()).contains("no rule set version 'nope-9'");
    assertThat(run(0, "model", "shadow", "--stop").out())
        .contains("Shadow rule set everything-1 stopped");
  }
}
