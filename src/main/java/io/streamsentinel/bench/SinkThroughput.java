package io.streamsentinel.bench;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.persistence.Database;
import io.streamsentinel.persistence.PersistenceSink;
import io.streamsentinel.persistence.SinkCounters;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The persistence sink's drain rate over pre-loaded decisions, and Kafka's own ceiling for the same
 * read: a consumer with the sink's configuration that only counts. Each run uses a new consumer
 * group and an emptied {@code decisions} table, so every run reads and stores all N decisions.
 */
public final class SinkThroughput {

  private static final Duration POLL = Duration.ofMillis(200);

  private final ClientConfigFactory clients;
  private final Database database;
  private final long records;
  private final Consumer<String> out;

  public SinkThroughput(
      ClientConfigFactory clients, Database database, long records, Consumer<String> out) {
    this.clients = clients;
    this.database = database;
    this.records = records;
    this.out = out;
  }

  /** Decisions per second stored and committed by a fresh sink, first poll to last commit. */
  public double sink(String group) throws Exception {
    emptyDecisions();
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(clients.sinkConsumer(group, group).toProperties());
    try (KafkaProducer<String, byte[]> dlq =
        new KafkaProducer<>(clients.producer(group).toProperties())) {
      SinkCounters counters = new SinkCounters();
      PersistenceSink sink =
          new PersistenceSink(consumer, dlq, database, counters, Clock.systemUTC());
      Thread thread = new Thread(sink, "bench-sink");
      long start = System.nanoTime();
      thread.start();
      try (ProgressTicker ticker =
          new ProgressTicker("stored", counters::decisions, records, out)) {
        while (counters.decisions() < records && thread.isAlive()) {
          Thread.sleep(5); // the sink works on its own thread; this only watches its counter
        }
      }
      long nanos = System.nanoTime() - start;
      sink.close();
      thread.join();
      if (sink.fatalError() != null || counters.decisions() < records) {
        throw new IllegalStateException("the sink stopped early", sink.fatalError());
      }
      return records / (nanos / 1e9);
    }
  }

  /** Records per second read by a consumer with the sink's configuration that does nothing else. */
  public double consumer(String group) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(clients.sinkConsumer(group, group).toProperties())) {
      consumer.subscribe(List.of(TopicCatalog.FRAUD_SCORES));
      long read = 0;
      long start = System.nanoTime();
      while (read < records) {
        ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
        read += polled.count();
      }
      return records / ((System.nanoTime() - start) / 1e9);
    }
  }

  private void emptyDecisions() throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE decisions");
    }
  }
}
