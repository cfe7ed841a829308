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
import io.streamsentinel.kafka.DeadLetters;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import io.streamsentinel.kafka.TopicProvisioner;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink on a real broker and a real PostgreSQL: the rows equal the topic records, after forced
 * redelivery and across a database outage, and bad records reach the dead-letter topic.
 */
class PersistenceSinkIT {

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static ClientConfigFactory clients;

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

  /** A sink on its own thread with its own clients. */
  private static final class RunningSink implements AutoCloseable {
    final PersistenceSink sink;
    final Thread thread;
    final KafkaProducer<String, byte[]> dlq;

    RunningSink(Database db) {
      KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(
              clients
                  .readCommittedConsumer("test-sink", ClientCatalog.PERSISTENCE_GROUP, "earliest")
                  .toProperties());
      dlq = new KafkaProducer<>(clients.producer("test-sink").toProperties());
      sink = new PersistenceSink(consumer, dlq, db, new SinkCounters(), Clock.systemUTC());
      thread = new Thread(sink, "test-sink");
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      sink.close();
      thread.join(30_000);
      dlq.close();
      assertThat(sink.fatalError()).isNull();
    }
  }

  @Test
  void shouldStoreEveryRecordOnceEvenWhenEverythingIsRedelivered() throws Exception {
    try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("pg-redeliver"), true));
        PipelineFeed feed = new PipelineFeed(broker.bootstrapServers(), 7)) {
      PipelineFeed.Counts sent = feed.send(4_000);
      assertThat(sent.alerts()).as("the seed must produce alerts to test them").isPositive();
      try (RunningSink running = new RunningSink(db)) {
        awaitCaughtUp();
      }
      assertRowsEqualTopics(db, sent);

      rewindGroupToStart();
      try (RunningSink running = new RunningSink(db)) {
        awaitCaughtUp();
        assertThat(running.sink.counters().decisions())
            .as("everything was read and written again")
            .isGreaterThanOrEqualTo(sent.decisions());
      }
      assertRowsEqualTopics(db, sent);
    }
  }

  @Test
  void shouldPauseWhileTheDatabaseIsDownAndLoseOrDoubleNothing() throws Exception {
    Path data = dir.resolve("pg-outage");
    int port = freePort();
    Map<TopicPartition, Long> dlqBefore = endOffsets(TopicCatalog.PERSISTENCE_DLQ);
    EmbeddedDatabase server = EmbeddedDatabase.start(data, true, port);
    DatabaseSettings external =
        new DatabaseSettings(
            EmbeddedDatabase.jdbcUrl(port),
            EmbeddedDatabase.USER,
            server.password(),
            data,
            false,
            2,
            DatabaseSettings.DEFAULT_RETENTION);
    try (Database db = Database.open(external);
        PipelineFeed feed = new PipelineFeed(broker.bootstrapServers(), 11);
        RunningSink running = new RunningSink(db)) {
      feed.send(2_000);
      await().atMost(Duration.ofSeconds(60)).until(() -> rows(db, "decisions") > 0);

      server.close();
      feed.send(2_000);
      feed.send(TopicCatalog.FRAUD_SCORES, "user_x", "{not json".getBytes(StandardCharsets.UTF_8));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> running.sink.counters().waitingFor() != null);

      server = EmbeddedDatabase.start(data, false, port);
      PipelineFeed.Counts sent = feed.send(1_000);
      awaitCaughtUp();
      assertThat(running.sink.counters().retries()).isPositive();
      assertThat(running.sink.counters().waitingFor()).isNull();
      assertThat(running.sink.counters().deadLetters()).isEqualTo(1);
      assertRowsEqualTopics(db, sent);
      assertThat(CommittedRecords.count(clients, TopicCatalog.PERSISTENCE_DLQ, dlqBefore))
          .isEqualTo(1);
    } finally {
      server.close();
    }
  }

  @Test
  void shouldKeepTheLatestLabelPerTransactionAndDeadLetterAMalformedOne() throws Exception {
    Map<TopicPartition, Long> dlqBefore = endOffsets(TopicCatalog.PERSISTENCE_DLQ);
    try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("pg-labels"), true));
        PipelineFeed feed = new PipelineFeed(broker.bootstrapServers(), 13);
        RunningSink running = new RunningSink(db)) {
      Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      feed.send(TopicCatalog.FRAUD_FEEDBACK, "u1", label("tx-1", false, "10:00"));
      feed.send(TopicCatalog.FRAUD_FEEDBACK, "u1", label("tx-1", true, "11:00"));
      feed.send(TopicCatalog.FRAUD_FEEDBACK, "u2", label("tx-2", true, "09:00"));
      feed.send(TopicCatalog.FRAUD_FEEDBACK, "u1", bytes("{\"transaction_id\":\"tx-1\"}"));
      feed.send(TopicCatalog.FRAUD_FEEDBACK, "u2", label("tx-2", false, "12:00"));
      feed.send(
          TopicCatalog.FRAUD_FEEDBACK,
          "u3",
          bytes(
              "{\"transaction_id\":\"tx-3\","
                  + "\"is_fraud\":true}")); // no labelled_at: the record's time stands in
      feed.flush();
      awaitCaughtUp();
      List<String> stored = DatabaseIT.storedLabels(db);
      assertThat(stored)
          .startsWith("tx-1 true 2026-11-20T11:00:00Z", "tx-2 false 2026-11-20T12:00:00Z")
          .hasSize(3);
      assertThat(stored.get(2)).startsWith("tx-3 true ");
      assertThat(Instant.parse(stored.get(2).substring("tx-3 true ".length())))
          .as("the record's time")
          .isBetween(sent, Instant.now());

      // After the newer one is stored: an older label for tx-1, and tx-2's latest replayed.
      feed.send(TopicCatalog.FRAUD_FEEDBACK, "u1", label("tx-1", false, "10:30"));
      feed.send(TopicCatalog.FRAUD_FEEDBACK, "u2", label("tx-2", false, "12:00"));
      feed.flush();
      awaitCaughtUp();
      assertThat(DatabaseIT.storedLabels(db)).isEqualTo(stored);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> running.sink.counters().labels() == 7); // counted right after the commit
      assertThat(running.sink.counters().deadLetters()).isEqualTo(1);
    }
    List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
    CommittedRecords.read(clients, TopicCatalog.PERSISTENCE_DLQ, dlqBefore, dead::add);
    assertThat(dead)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(DeadLetters.header(d.headers(), DeadLetters.ERROR_PROBLEM))
                  .contains("is_fraud");
              assertThat(DeadLetters.header(d.headers(), DeadLetters.ORIGIN_TOPIC))
                  .isEqualTo(TopicCatalog.FRAUD_FEEDBACK);
            });
  }

  private static byte[] label(String tx, boolean fraud, String timeOfDay) {
    return bytes(
        "{\"transaction_id\":\""
            + tx
            + "\",\"is_fraud\":"
            + fraud
            + ",\"source\":\"chargeback\",\"labelled_at\":\"2026-11-20T"
            + timeOfDay
            + ":00Z\"}");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    try (Admin admin = Admin.create(clients.admin("test").toProperties())) {
      return TopicOffsets.endOffsets(admin, List.of(topic));
    }
  }

  private static void assertRowsEqualTopics(Database db, PipelineFeed.Counts sent)
      throws Exception {
    assertThat(rows(db, "decisions")).isEqualTo(sent.decisions());
    assertThat(distinct(db, "transaction_id", "decisions")).isEqualTo(sent.decisions());
    assertThat(rows(db, "alerts")).isEqualTo(sent.alerts());
    assertThat(rows(db, "actions")).isEqualTo(sent.actions());
    assertThat(rows(db, "review_cases")).isEqualTo(sent.actions());
    assertThat(rows(db, "account_status_history")).isEqualTo(sent.statuses());
    assertThat(rows(db, "accounts")).isPositive().isLessThanOrEqualTo(sent.statuses());
  }

  private static void awaitCaughtUp() {
    await()
        .atMost(Duration.ofSeconds(90))
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

  private static void rewindGroupToStart() throws Exception {
    try (Admin admin = Admin.create(clients.admin("test").toProperties())) {
      Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
      TopicOffsets.endOffsets(admin, PipelineFeed.topics())
          .keySet()
          .forEach(tp -> start.put(tp, new OffsetAndMetadata(0)));
      admin.alterConsumerGroupOffsets(ClientCatalog.PERSISTENCE_GROUP, start).all().get();
    }
  }

  static long rows(Database db, String table) throws Exception {
    return single(db, "SELECT count(*) FROM " + table);
  }

  private static long distinct(Database db, String column, String table) throws Exception {
    return single(db, "SELECT count(DISTINCT " + column + ") FROM " + table);
  }

  private static long single(Database db, String sql) throws Exception {
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
