package io.streamsentinel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseSettings;
import io.streamsentinel.database.EmbeddedDatabase;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import io.streamsentinel.kafka.TopicProvisioner;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence sink against PostgreSQL faults, on a real broker and a real server whose process
 * the test crashes ({@code kill -9}), stops, or freezes ({@code SIGSTOP}): the sink never dies,
 * never dead-letters a good record, stops cleanly within a minute while the database cannot answer,
 * and once the database is back the decisions table holds every decision exactly once.
 *
 * <p>A stopped server stays down for {@link #OUTAGE}: 15 s in {@code mvn verify} (longer than the
 * sink's 5 s retry ceiling, so the outage is waited out through the retry path), the 3 minutes of
 * the reliability issue with {@code -Pfaults} (system property {@code sentinel.faults.long=true}),
 * which also keeps the frozen server frozen that long ({@link #HANG}).
 */
class DatabaseFaultIT {

  private static final Logger log = LoggerFactory.getLogger(DatabaseFaultIT.class);

  private static final Duration OUTAGE =
      Boolean.getBoolean("sentinel.faults.long") ? Duration.ofMinutes(3) : Duration.ofSeconds(15);

  /**
   * How long the server hangs before the sink is stopped. A write caught by the hang only fails at
   * the 60 s socket timeout, so a short hang never reaches the retry path; it only has to outlast
   * the pool's 5 s connection timeout, for the writes that start after it began.
   */
  private static final Duration HANG =
      Boolean.getBoolean("sentinel.faults.long") ? OUTAGE : Duration.ofSeconds(6);

  /** The bound on a clean stop while the database is unreachable. */
  private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

  /** Decisions sent before a fault: enough batches (5,000 records a poll) for a COPY in flight. */
  private static final int BULK = 15_000;

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static ClientConfigFactory clients;

  private Path data;
  private int port;
  private EmbeddedDatabase server;
  private Database db;
  private Map<TopicPartition, Long> dlqBefore;

  @BeforeAll
  static void startBroker() throws Exception {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    clients = new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
    try (Admin admin = Admin.create(clients.admin("test").toProperties())) {
      new TopicProvisioner(admin).ensure(TopicCatalog.defaults());
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** A fresh server on a fixed port (it comes back on the same one), the sink's pool on its URL. */
  @BeforeEach
  void startDatabase() throws Exception {
    data = dir.resolve("pg-" + System.nanoTime());
    port = freePort();
    server = EmbeddedDatabase.start(data, true, port);
    db = Database.open(external(data, port));
    try (Admin admin = Admin.create(clients.admin("test").toProperties())) {
      dlqBefore = TopicOffsets.endOffsets(admin, List.of(TopicCatalog.PERSISTENCE_DLQ));
    }
  }

  @AfterEach
  void stopDatabase() {
    db.close();
    server.close();
  }

  @Test
  void shouldStoreEveryDecisionOnceAfterTheServerIsKilledMidCopy() throws Exception {
    try (PipelineFeed feed = new PipelineFeed(broker.bootstrapServers(), 21)) {
      feed.send(BULK);
      SinkService sink = new SinkService(clients, db, "fault-kill").start();
      try {
        awaitCopyInFlight();
        List<ProcessHandle> children = PostgresProcesses.of(data).killPostmaster();
        List<ProcessHandle> orphans = PostgresProcesses.awaitExit(children, Duration.ofSeconds(10));
        log.info(
            "postmaster killed mid-COPY; {} of its {} children still alive 10 s later",
            orphans.size(),
            children.size());
        // Backends exit on their own once the postmaster is gone (all did, within 2 s, in every
        // run so far). One that did not would hold the shared memory, and a new postmaster would
        // refuse the folder: it goes the way of a crashed server.
        PostgresProcesses.signal("KILL", orphans);
        server.close(); // only releases the folder: its pg_ctl stop finds no server
        feed.send(2_000);
        awaitSinkSaysTheDatabaseIsUnavailable(sink);
        assertSinkAliveWithNoDeadLetters(sink);

        server = EmbeddedDatabase.start(data, false, port);
        PipelineFeed.Counts sent = feed.send(2_000);
        awaitCaughtUp();
        assertSinkAliveWithNoDeadLetters(sink);
        assertThat(sink.counters().retries()).as("the killed write was retried").isPositive();
        assertThat(sink.counters().waitingFor()).isNull();
        assertDecisionsStoredOnce(sent);
      } finally {
        sink.close();
      }
    }
    assertNothingDeadLettered();
  }

  @Test
  void shouldWaitOutAStoppedServerAndResumeWithExactCounts() throws Exception {
    try (PipelineFeed feed = new PipelineFeed(broker.bootstrapServers(), 22)) {
      SinkService sink = new SinkService(clients, db, "fault-down").start();
      try {
        feed.send(2_000);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("decisions") > 0);

        server.close();
        long downAt = System.nanoTime();
        feed.send(2_000);
        awaitSinkSaysTheDatabaseIsUnavailable(sink);
        watchThroughTheOutage(sink, downAt, OUTAGE);

        server = EmbeddedDatabase.start(data, false, port);
        PipelineFeed.Counts sent = feed.send(1_000);
        awaitCaughtUp();
        assertSinkAliveWithNoDeadLetters(sink);
        assertThat(sink.counters().waitingFor()).isNull();
        assertDecisionsStoredOnce(sent);
      } finally {
        sink.close();
      }
    }
    assertNothingDeadLettered();
  }

  @Test
  void shouldStopWithinAMinuteWhileTheServerHangsAndLoseNothing() throws Exception {
    List<ProcessHandle> frozen = List.of();
    try (PipelineFeed feed = new PipelineFeed(broker.bootstrapServers(), 23)) {
      feed.send(BULK);
      SinkService sink = new SinkService(clients, db, "fault-hang").start();
      try {
        awaitCopyInFlight();
        // A frozen server: its socket still accepts connections, nothing answers. The postmaster
        // first, so that it forks no process the list misses.
        frozen = PostgresProcesses.of(data).all();
        PostgresProcesses.signal("STOP", frozen);
        long hungAt = System.nanoTime();
        feed.send(2_000);
        watchThroughTheOutage(sink, hungAt, HANG);
        if (HANG.compareTo(Duration.ofSeconds(90)) > 0) {
          // Past the 60 s socket timeout the hung write has failed and the sink says why.
          awaitSinkSaysTheDatabaseIsUnavailable(sink);
        }

        long stopping = System.nanoTime();
        sink.close();
        Duration stop = Duration.ofNanos(System.nanoTime() - stopping);
        log.info("clean stop while the server hangs took {} ms", stop.toMillis());
        assertThat(stop).isLessThan(STOP_LIMIT);
        assertThat(sink.isRunning()).as("the sink's thread ended within close()").isFalse();
        assertThat(sink.fatalError()).isNull();
        assertThat(sink.counters().deadLetters()).isZero();
      } finally {
        sink.close();
        PostgresProcesses.signal("CONT", frozen);
      }

      PipelineFeed.Counts sent = feed.send(1_000);
      SinkService again = new SinkService(clients, db, "fault-hang-2").start();
      try {
        awaitCaughtUp();
        assertSinkAliveWithNoDeadLetters(again);
        assertDecisionsStoredOnce(sent);
      } finally {
        again.close();
      }
    }
    assertNothingDeadLettered();
  }

  /** Until a COPY into the decisions is running on the server (seen from a connection of ours). */
  private void awaitCopyInFlight() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                EmbeddedDatabase.jdbcUrl(port), EmbeddedDatabase.USER, server.password());
        Statement s = c.createStatement()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(2))
          .until(
              () -> {
                try (ResultSet rs =
                    s.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity"
                            + " WHERE state = 'active' AND query LIKE 'COPY decisions%'")) {
                  rs.next();
                  return rs.getLong(1) > 0;
                }
              });
    }
  }

  /** Through the rest of the outage, every half second: the sink runs, nothing dead-lettered. */
  private static void watchThroughTheOutage(SinkService sink, long startedAt, Duration outage) {
    long end = startedAt + outage.toNanos();
    while (System.nanoTime() < end) {
      await()
          .pollDelay(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(1))
          .untilAsserted(() -> assertSinkAliveWithNoDeadLetters(sink));
    }
    log.info("outage of {} s over", outage.toSeconds());
  }

  /** What its status line shows: "PAUSED, retrying: database unavailable (SQLSTATE ...): ...". */
  private static void awaitSinkSaysTheDatabaseIsUnavailable(SinkService sink) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(sink.counters().waitingFor()).startsWith("database unavailable"));
    log.info("the sink waits for: {}", sink.counters().waitingFor());
  }

  private static void assertSinkAliveWithNoDeadLetters(SinkService sink) {
    assertThat(sink.isRunning()).as("the sink runs").isTrue();
    assertThat(sink.fatalError()).isNull();
    assertThat(sink.counters().deadLetters()).isZero();
  }

  private void assertDecisionsStoredOnce(PipelineFeed.Counts sent) throws Exception {
    long stored = rows("decisions");
    long distinct = single("SELECT count(DISTINCT transaction_id) FROM decisions");
    log.info(
        "decisions sent {}, rows {}, distinct transaction ids {}",
        sent.decisions(),
        stored,
        distinct);
    assertThat(stored).as("no decision lost, none doubled").isEqualTo(sent.decisions());
    assertThat(distinct).isEqualTo(sent.decisions());
    assertThat(rows("alerts")).isEqualTo(sent.alerts());
    assertThat(rows("actions")).isEqualTo(sent.actions());
  }

  private void assertNothingDeadLettered() {
    assertThat(CommittedRecords.count(clients, TopicCatalog.PERSISTENCE_DLQ, dlqBefore))
        .as("records in persistence-dlq")
        .isZero();
  }

  private static void awaitCaughtUp() {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              try (Admin admin = Admin.create(clients.admin("test").toProperties())) {
                long lag = 0;
                for (String topic : PersistenceSink.TOPICS) {
                  lag += TopicOffsets.groupLag(admin, ClientCatalog.PERSISTENCE_GROUP, topic);
                }
                return lag == 0;
              }
            });
  }

  private long rows(String table) throws Exception {
    return single("SELECT count(*) FROM " + table);
  }

  private long single(String sql) throws Exception {
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The server on {@code port} as an existing one: the pool is ours, the process the test's. */
  private static DatabaseSettings external(Path data, int port) {
    return new DatabaseSettings(
        EmbeddedDatabase.jdbcUrl(port),
        EmbeddedDatabase.USER,
        EmbeddedDatabase.password(data).orElseThrow(),
        data,
        false,
        DatabaseSettings.DEFAULT_POOL_SIZE,
        DatabaseSettings.DEFAULT_RETENTION);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
