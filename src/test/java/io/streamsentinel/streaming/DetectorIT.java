package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.DecisionSummary;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import io.streamsentinel.testing.SentinelProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector on a real broker, as separate processes where it matters: every transaction decided
 * exactly once, also across an abrupt kill, and partitions shared between instances.
 */
class DetectorIT {

  private static final int EVENTS = 20_000;

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;
  private SentinelProcesses processes;

  @BeforeEach
  void startBroker() {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    processes = new SentinelProcesses(dir);
  }

  @AfterEach
  void stop() {
    processes.close();
    broker.close();
  }

  private ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  private void generate(int count, long seed) {
    CliRunner cli = new CliRunner();
    int code =
        cli.run(
            "generate",
            "-b",
            broker.bootstrapServers(),
            "--count",
            String.valueOf(count),
            "--tps",
            "max",
            "--users",
            "3000",
            "--seed",
            String.valueOf(seed),
            "--fraud-rate",
            "0.02",
            "--start",
            "2026-01-01T00:00:00Z");
    assertThat(code).as(cli.err()).isZero();
  }

  /**
   * A detector as its own JVM, like {@code sentinel detect}. Its group session times out after 6 s
   * (the broker's least) rather than the profile's 30 s, so that the instance started after one was
   * killed gets the partitions sooner: the kill and what follows are the same, only the wait is
   * shorter.
   */
  private Process detectorProcess(String name) throws Exception {
    return processes.start(
        name,
        "512m",
        "detect",
        "-b",
        broker.bootstrapServers(),
        "--state-dir",
        dir.resolve("state-" + name).toString(),
        "--kafka-prop",
        "session.timeout.ms=6000",
        "--kafka-prop",
        "heartbeat.interval.ms=2000");
  }

  private List<DecisionSummary> decisions() {
    List<DecisionSummary> out = new ArrayList<>();
    CommittedRecords.read(
        clients(),
        TopicCatalog.FRAUD_SCORES,
        Map.of(),
        r -> out.add(DecisionCodec.decodeSummary(r.value())));
    return out;
  }

  private long committedDecisions() {
    return CommittedTopics.decisions(clients());
  }

  private Map<String, Integer> transactionsPerUser() {
    return CommittedTopics.transactionsPerUser(clients());
  }

  /**
   * Exactly one decision per transaction, and each user's profile counted each transaction once.
   */
  private void assertExactlyOnce(int expected) {
    List<DecisionSummary> decisions = decisions();
    assertThat(decisions).hasSize(expected);
    Set<String> ids = new HashSet<>();
    decisions.forEach(d -> ids.add(d.transactionId()));
    assertThat(ids).hasSize(expected);
    Map<String, Long> lastHistory = new HashMap<>();
    decisions.forEach(d -> lastHistory.merge(d.userId(), d.historyCount(), Math::max));
    Map<String, Integer> perUser = transactionsPerUser();
    perUser.forEach(
        (user, count) ->
            assertThat(lastHistory.get(user) + 1)
                .as("profile count of %s", user)
                .isEqualTo(count.longValue()));
  }

  @Test
  void shouldDecideEveryTransactionExactlyOnceAndAlertOnLabelledFraud() throws Exception {
    generate(EVENTS, 11);
    detectorProcess("a");

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> committedDecisions() >= EVENTS);

    assertExactlyOnce(EVENTS);
    List<DecisionSummary> frauds =
        decisions().stream().filter(d -> Boolean.TRUE.equals(d.isFraud())).toList();
    long alerted = frauds.stream().filter(d -> d.score() >= 0.5).count();
    assertThat(frauds).isNotEmpty();
    assertThat((double) alerted / frauds.size())
        .as("share of labelled fraud alerted")
        .isGreaterThan(0.5);
    long alerts = CommittedRecords.count(clients(), TopicCatalog.FRAUD_ALERTS, Map.of());
    assertThat(alerts).isEqualTo(decisions().stream().filter(d -> d.score() >= 0.5).count());

    Path json = dir.resolve("evaluation.json");
    CliRunner evaluate = new CliRunner();
    assertThat(
            evaluate.run(
                "evaluate",
                "-b",
                broker.bootstrapServers(),
                "--from-start",
                "--json",
                json.toString()))
        .as(evaluate.err())
        .isZero();
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    assertThat(figures.get("decisions").asLong()).isEqualTo(EVENTS);
    assertThat(figures.get("recall").asDouble())
        .isEqualTo((double) alerted / frauds.size(), within(1e-9));
    for (String key : new String[] {"precision", "f1", "auc"}) {
      assertThat(figures.get(key).asDouble()).as(key).isBetween(0.0, 1.0);
    }
    assertThat(figures.get("per_pattern").has("card_testing")).isTrue();
    assertThat(evaluate.out()).contains("ROC AUC").contains("card_testing");
  }

  @Test
  void shouldStayExactlyOnceWhenTheDetectorIsKilledMidRunAndRestarted() throws Exception {
    generate(EVENTS, 12);
    Process first = detectorProcess("killed");
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> committedDecisions() > EVENTS / 10);

    first
        .destroyForcibly()
        .waitFor(); // SIGKILL: no close, no commit, an open transaction left behind
    assertThat(committedDecisions()).isLessThan(EVENTS);
    detectorProcess("restarted");

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> committedDecisions() >= EVENTS);
    assertExactlyOnce(EVENTS);
  }

  @Test
  void shouldSharePartitionsBetweenInstancesAndHandThemOverWhenOneLeaves() throws Exception {
    generate(EVENTS / 2, 13);
    Process one = detectorProcess("one");
    Process two = detectorProcess("two");
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> committedDecisions() >= EVENTS / 2);
    // Each instance scored part of the input: Kafka split the partitions between them.
    assertThat(Files.readString(dir.resolve("one.log"))).containsPattern("scored [1-9]");
    assertThat(Files.readString(dir.resolve("two.log"))).containsPattern("scored [1-9]");

    two.destroy(); // SIGTERM: a clean leave, its partitions move to the other instance
    two.waitFor();
    generate(EVENTS / 2, 14);

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> committedDecisions() >= EVENTS);
    assertExactlyOnce(EVENTS);
    assertThat(one.isAlive()).isTrue();
  }
}
