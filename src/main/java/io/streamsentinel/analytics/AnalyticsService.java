package io.streamsentinel.analytics;

import io.streamsentinel.database.Database;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.GroupInput;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The batch analytics as a running stage: {@link AnalyticsConsumer} wired to real clients and the
 * database, on its own thread from {@link #start()} until {@link #close()}.
 */
public final class AnalyticsService implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final AnalyticsConsumer analytics;
  private final Thread thread;

  /** The caller keeps {@code database} open until this is closed. */
  public AnalyticsService(
      ClientConfigFactory clients, Database database, AnalyticsSettings settings) {
    this.consumer =
        new KafkaConsumer<>(
            clients
                .batchConsumer(ClientCatalog.ANALYTICS, ClientCatalog.ANALYTICS_GROUP)
                .toProperties());
    this.producer =
        new KafkaProducer<>(clients.idempotentProducer(ClientCatalog.ANALYTICS_DLQ).toProperties());
    this.analytics =
        new AnalyticsConsumer(
            consumer,
            producer,
            new AnalyticsStore(database.dataSource()),
            settings,
            Clock.systemUTC());
    this.thread = new Thread(analytics, "sentinel-analytics");
  }

  /** Starts consuming on the analytics thread. */
  public AnalyticsService start() {
    thread.start();
    return this;
  }

  /** Its group and input, for lag and draining. */
  public GroupInput input() {
    return GroupInput.of(ClientCatalog.ANALYTICS_GROUP, TopicCatalog.FRAUD_SCORES);
  }

  public boolean isRunning() {
    return thread.isAlive();
  }

  public boolean isCaughtUp() {
    return analytics.isCaughtUp();
  }

  public AnalyticsCounters counters() {
    return analytics.counters();
  }

  public Exception fatalError() {
    return analytics.fatalError();
  }

  @Override
  public void close() throws InterruptedException {
    analytics.stop();
    thread.join(CLOSE_TIMEOUT.toMillis());
    consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    producer.close(CLOSE_TIMEOUT);
  }
}
