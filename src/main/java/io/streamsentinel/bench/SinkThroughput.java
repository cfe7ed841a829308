package io.streamsentinel.bench;

import io.streamsentinel.database.Database;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.persistence.PersistenceSink;
import io.streamsentinel.persistence.SinkCounters;
import io.streamsentinel.runtime.Await;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
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
  private static final Duration WATCH = Duration.ofMillis(5);

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

  /**
   * Decisions per second stored and committed by {@code instances} fresh sinks sharing one new
   * consumer group (Kafka splits the partitions among them), first poll to last commit.
   */
  public double sink(String group, int instances) throws Exception {
    emptyDecisions();
    List<PersistenceSink> sinks = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    List<KafkaProducer<String, byte[]>> producers = new ArrayList<>();
    SinkCounters[] counters = new SinkCounters[instances];
    for (int i = 0; i < instances; i++) {
      String clientId = group + "-" + i;
      KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(clients.sinkConsumer(clientId, group).toProperties());
      producers.add(new KafkaProducer<>(clients.producer(clientId).toProperties()));
      counters[i] = new SinkCounters();
      sinks.add(
          new PersistenceSink(
              consumer, producers.get(i), database, counters[i], Clock.systemUTC()));
      threads.add(new Thread(sinks.get(i), "bench-sink-" + i));
    }
    LongSupplier stored = () -> Arrays.stream(counters).mapToLong(SinkCounters::decisions).sum();
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    try (ProgressTicker ticker = new ProgressTicker("stored", stored, records, out)) {
      // The sinks work on their own threads; this only watches the counters. No deadline: a sink
      // that fails ends its thread, which ends the wait.
      Await.indefinitely(
          () -> stored.getAsLong() >= records || !threads.stream().allMatch(Thread::isAlive),
          WATCH);
    }
    long nanos = System.nanoTime() - start;
    for (int i = 0; i < instances; i++) {
      sinks.get(i).close();
      threads.get(i).join();
      producers.get(i).close();
      if (sinks.get(i).fatalError() != null) {
        throw new IllegalStateException("a sink stopped early", sinks.get(i).fatalError());
      }
    }
    if (stored.getAsLong() < records) {
      throw new IllegalStateException("the sinks stopped early");
    }
    return records / (nanos / 1e9);
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
