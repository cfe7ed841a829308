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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
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
    EmbeddedDatabase server = EmbeddedDatabase.start(data, true, port);
    DatabaseSettings external =
        new DatabaseSettings(
            EmbeddedDatabase.jdbcUrl(port),
            EmbeddedDatabase.USER,
            null,
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
      assertThat(CommittedRecords.count(clients, TopicCatalog.PERSISTENCE_DLQ, Map.of()))
          .isEqualTo(1);
    } finally {
      server.close();
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
                for (String topic : PipelineFeed.topics()) {
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
