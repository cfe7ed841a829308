package io.streamsentinel.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.database.EmbeddedDatabase;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.monitoring.LagReport;
import io.streamsentinel.monitoring.PartitionLag;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import io.streamsentinel.testing.SentinelProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite on a real three-node cluster, every component in its own process as a user runs
 * them: generator, detector, responder and sink under load while a partition leader and then the
 * detector's transaction coordinator are killed with SIGKILL, and one broker is paused (SIGSTOP).
 * Afterwards, read with read_committed and from PostgreSQL: every transaction scored once, every
 * alert's actions once, one row per decision, every process alive.
 *
 * <p>Long (minutes): it runs with {@code mvn verify -Pfaults}; {@code sentinel.faults.tps}, {@code
 * sentinel.faults.pause} and {@code sentinel.faults.seconds} size it.
 */
class ClusterFaultIT {

  private static final int TPS = Integer.getInteger("sentinel.faults.tps", 5_000);
  private static final Duration PAUSE =
      Duration.parse(System.getProperty("sentinel.faults.pause", "PT90S"));
  private static final Duration BEFORE_FAULTS = Duration.ofSeconds(15);
  private static final Duration DOWN = Duration.ofSeconds(10);
  private static final Duration BETWEEN_FAULTS = Duration.ofSeconds(10);
  private static final Duration DRAIN = Duration.ofMinutes(10);

  @TempDir Path dir;

  private SentinelProcesses processes;
  private final Map<Integer, Process> brokers = new HashMap<>();
  private final Map<Integer, Integer> clientPorts = new LinkedHashMap<>();
  private String voters;
  private String bootstrap;
  private EmbeddedDatabase database;
  private final List<String> faults = new ArrayList<>();

  @AfterEach
  void stop() {
    if (processes != null) {
      brokers.values().forEach(p -> signal(p, "CONT"));
      processes.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void nothingIsLostOrDoubledWhenBrokersAreKilledOrPaused() throws Exception {
    processes = new SentinelProcesses(dir);
    startCluster();
    cli("topics", "create");
    database = EmbeddedDatabase.start(dir.resolve("postgres"), true, 0);

    long loadSeconds = BEFORE_FAULTS.plus(DOWN).plus(BETWEEN_FAULTS).getSeconds() * 2 + 30;
    long produced = Long.getLong("sentinel.faults.count", TPS * (loadSeconds + PAUSE.getSeconds()));
    Map<String, Process> components = new LinkedHashMap<>();
    components.put(
        "detector",
        processes.start(
            "detector",
            "768m",
            "detect",
            "-b",
            bootstrap,
            "--state-dir",
            dir.resolve("streams").toString()));
    components.put("responder", processes.start("responder", "384m", "respond", "-b", bootstrap));
    components.put(
        "sink",
        processes.start(
            "sink",
            "512m",
            "persist",
            "-b",
            bootstrap,
            "--db-url",
            database.jdbcUrl(),
            "--db-user",
            EmbeddedDatabase.USER,
            "--db-password",
            database.password()));
    long started = System.nanoTime();
    Process generator =
        processes.start(
            "generator",
            "384m",
            "generate",
            "-b",
            bootstrap,
            "--count",
            String.valueOf(produced),
            "--tps",
            String.valueOf(TPS),
            "--users",
            "5000",
            "--seed",
            "17",
            "--start",
            "2026-01-01T00:00:00Z");

    Thread.sleep(BEFORE_FAULTS.toMillis());
    int leader = leaderOf(TopicCatalog.TRANSACTIONS);
    kill(leader, "partition leader of " + TopicCatalog.TRANSACTIONS + "-0");
    Thread.sleep(DOWN.toMillis());
    restart(leader);
    Thread.sleep(BETWEEN_FAULTS.toMillis());
    int coordinator = detectorTransactionCoordinator();
    kill(coordinator, "transaction coordinator of the detector");
    Thread.sleep(DOWN.toMillis());
    restart(coordinator);
    Thread.sleep(BETWEEN_FAULTS.toMillis());
    int paused = leaderOf(TopicCatalog.FRAUD_SCORES);
    signal(brokers.get(paused), "STOP");
    faults.add(
        "node " + paused + " (leader of " + TopicCatalog.FRAUD_SCORES + "-0) paused " + PAUSE);
    Thread.sleep(PAUSE.toMillis());
    signal(brokers.get(paused), "CONT");

    assertThat(generator.waitFor(DRAIN.toMinutes(), TimeUnit.MINUTES))
        .as("generator ended")
        .isTrue();
    assertThat(generator.exitValue()).as(log("generator")).isZero();
    long transactions = count(TopicCatalog.TRANSACTIONS);
    assertThat(transactions).as("transactions on the topic").isEqualTo(produced);

    await("every transaction scored and stored, every alert handled")
        .atMost(DRAIN)
        .pollInterval(Duration.ofSeconds(10))
        .failFast(
            "a component stopped", () -> !components.values().stream().allMatch(Process::isAlive))
        .until(
            () ->
                query("SELECT count(*) FROM decisions") >= produced
                    && handled(actions()).containsAll(alertIds()));
    List<String> groups =
        List.of(
            ClientCatalog.DETECTOR_GROUP,
            ClientCatalog.RESPONDER_GROUP,
            ClientCatalog.PERSISTENCE_GROUP);
    await("the lag of the detector, responder and sink back to 0")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(behind(groups)).isEmpty());
    Set<String> alerts = alertIds();
    double seconds = (System.nanoTime() - started) / 1e9;

    // Scored exactly once.
    Set<String> scoredIds = new HashSet<>();
    long decisions =
        CommittedRecords.read(
            clients(),
            TopicCatalog.FRAUD_SCORES,
            Map.of(),
            r -> scoredIds.add(DecisionCodec.decodeSummary(r.value()).transactionId()));
    assertThat(decisions).as("decisions").isEqualTo(produced);
    assertThat(scoredIds).as("distinct scored transactions").hasSize((int) produced);
    // Every alert's actions once.
    List<UserAction> actions = actions();
    Set<String> handled = handled(actions);
    // Not AssertJ's containsAll: it compares every pair, hours at this size.
    assertThat(alerts.stream().filter(a -> !handled.contains(a)).toList())
        .as("alerts without actions")
        .isEmpty();
    Set<String> alertAndType = new HashSet<>();
    List<String> doubled =
        actions.stream()
            .filter(a -> !alertAndType.add(a.alertId() + "/" + a.actionType()))
            .map(UserAction::actionId)
            .toList();
    assertThat(doubled).as("actions taken twice").isEmpty();
    // One row per decision, alert and action.
    assertThat(query("SELECT count(*) FROM decisions")).isEqualTo(produced);
    assertThat(query("SELECT count(DISTINCT transaction_id) FROM decisions")).isEqualTo(produced);
    assertThat(query("SELECT count(*) FROM alerts")).isEqualTo(alerts.size());
    assertThat(query("SELECT count(*) FROM actions")).isEqualTo(actions.size());
    // Every process alive, or ended with an error.
    components.forEach(
        (name, p) -> assertThat(p.isAlive()).as(name + " alive\n" + log(name)).isTrue());
    brokers.forEach((id, p) -> assertThat(p.isAlive()).as("node " + id + " alive").isTrue());

    System.out.printf(
        "FAULT SUITE: %d transactions at %d tx/s target; faults: %s; scored %d, alerts %d,"
            + " actions %d, rows %d; lost 0, doubled 0; %.0f s from first send to last row%n",
        produced,
        TPS,
        String.join("; ", faults),
        decisions,
        alerts.size(),
        actions.size(),
        query("SELECT count(*) FROM decisions"),
        seconds);
  }

  private void startCluster() throws Exception {
    Map<Integer, Integer> controllerPorts = new LinkedHashMap<>();
    for (int id = 1; id <= 3; id++) {
      clientPorts.put(id, freePort());
      controllerPorts.put(id, freePort());
    }
    voters =
        controllerPorts.entrySet().stream()
            .map(e -> e.getKey() + "@localhost:" + e.getValue())
            .collect(Collectors.joining(","));
    bootstrap =
        clientPorts.values().stream().map(p -> "localhost:" + p).collect(Collectors.joining(","));
    for (int id : clientPorts.keySet()) {
      startNode(id, "node-" + id);
    }
    for (int id : clientPorts.keySet()) {
      awaitRunning("node-" + id);
    }
  }

  private void startNode(int id, String name) throws Exception {
    brokers.put(
        id,
        processes.start(
            name,
            "640m",
            "broker",
            "--node-id",
            String.valueOf(id),
            "--port",
            String.valueOf(clientPorts.get(id)),
            "--data-dir",
            dir.resolve("node-" + id).toString(),
            "--controller-quorum",
            voters));
  }

  private void awaitRunning(String name) {
    await(name + " running")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> log(name).contains("Kafka broker running at"));
  }

  private void kill(int node, String role) throws InterruptedException {
    brokers.get(node).destroyForcibly().waitFor();
    faults.add(
        "node " + node + " (" + role + ") killed -9, back after " + DOWN.getSeconds() + " s");
  }

  private int restarts;

  private void restart(int node) throws Exception {
    String name = "node-" + node + "-restart-" + ++restarts;
    startNode(node, name);
    awaitRunning(name);
  }

  private int leaderOf(String topic) throws Exception {
    try (Admin admin = admin()) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .get(0)
          .leader()
          .id();
    }
  }

  private int detectorTransactionCoordinator() throws Exception {
    try (Admin admin = admin()) {
      List<String> ids =
          admin.listTransactions().all().get().stream()
              .map(TransactionListing::transactionalId)
              .filter(id -> id.startsWith(ClientCatalog.DETECTOR_GROUP))
              .toList();
      assertThat(ids).as("the detector's transactional ids").isNotEmpty();
      return admin.describeTransactions(ids).all().get().get(ids.get(0)).coordinatorId();
    }
  }

  private static void signal(Process process, String signal) {
    if (!process.isAlive()) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
          .inheritIO()
          .start()
          .waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(bootstrap));
  }

  private Admin admin() {
    return Admin.create(clients().admin("fault-suite").toProperties());
  }

  private long count(String topic) {
    return CommittedRecords.count(clients(), topic, Map.of());
  }

  private Set<String> alertIds() {
    return CommittedTopics.alertIds(clients());
  }

  private List<UserAction> actions() {
    return CommittedTopics.actions(clients());
  }

  /**
   * The partitions the groups lag on; one the group has committed nothing on counts with its
   * log-end offset (zero when it is empty).
   */
  private List<PartitionLag> behind(List<String> groups) throws Exception {
    try (Admin admin = admin()) {
      return new LagReport(admin)
          .describe(groups).stream()
              .filter(row -> (row.lag() == null ? row.logEndOffset() : row.lag()) > 0)
              .toList();
    }
  }

  private static Set<String> handled(List<UserAction> actions) {
    return actions.stream().map(UserAction::alertId).collect(Collectors.toSet());
  }

  private long query(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private void cli(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "-b";
    all[args.length + 1] = bootstrap;
    CliRunner run = new CliRunner();
    assertThat(run.run(all)).as(run.out() + run.err()).isZero();
  }

  private String log(String name) {
    try {
      Path file = dir.resolve(name + ".log");
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
