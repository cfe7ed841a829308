package io.streamsentinel.cli;

import io.streamsentinel.analytics.AnalyticsConsumer;
import io.streamsentinel.analytics.AnalyticsCounters;
import io.streamsentinel.analytics.AnalyticsSettings;
import io.streamsentinel.analytics.AnalyticsStore;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.persistence.Database;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The analytics consumer wired to real clients and the database, on its own thread. Used by {@code
 * analytics}; {@code demo} can run it the same way.
 */
final class AnalyticsRun implements AutoCloseable {

  static final String CLIENT_ID = "sentinel-analytics";
  static final String DLQ_CLIENT_ID = "sentinel-analytics-dlq";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final AnalyticsConsumer analytics;
  private final Thread thread;

  /** Starts consuming; the caller keeps {@code database} open until this is closed. */
  AnalyticsRun(ClientConfigFactory clients, Database database, AnalyticsSettings settings) {
    this.consumer =
        new KafkaConsumer<>(
            clients.batchConsumer(CLIENT_ID, AnalyticsSettings.GROUP_ID).toProperties());
    this.producer = new KafkaProducer<>(clients.producer(DLQ_CLIENT_ID).toProperties());
    this.analytics =
        new AnalyticsConsumer(
            consumer,
            producer,
            new AnalyticsStore(database.dataSource()),
            settings,
            Clock.systemUTC());
    this.thread = new Thread(analytics, "sentinel-analytics");
    thread.start();
  }

  boolean isRunning() {
    return thread.isAlive();
  }

  boolean isCaughtUp() {
    return analytics.isCaughtUp();
  }

  AnalyticsCounters counters() {
    return analytics.counters();
  }

  Exception fatalError() {
    return analytics.fatalError();
  }

  @Override
  public void close() throws InterruptedException {
    analytics.stop();
    thread.join(CLOSE_TIMEOUT.toMillis());
    consumer.close(CLOSE_TIMEOUT);
    producer.close(CLOSE_TIMEOUT);
  }
}
