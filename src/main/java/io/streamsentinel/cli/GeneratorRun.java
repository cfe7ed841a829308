package io.streamsentinel.cli;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.generator.PublisherStats;
import io.streamsentinel.generator.TransactionPublisher;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.monitoring.ProcessMetrics;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The generator wired to a real producer, running on its own thread. Used by {@code generate} and
 * {@code demo}.
 */
final class GeneratorRun implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<String, byte[]> producer;
  private final ProcessMetrics.Binding producerMetrics;
  private final TransactionPublisher publisher;
  private final Thread thread;
  private final long startedNanos;
  private volatile long endedNanos;
  private volatile RuntimeException crash;

  GeneratorRun(
      ClientConfigFactory clients,
      GeneratorSettings settings,
      TransactionCodec codec,
      PublishPlan plan) {
    this(clients, settings, codec, plan, null);
  }

  /**
   * @param metrics the process's metrics, to which the producer and the counters are bound; null
   *     for none
   */
  GeneratorRun(
      ClientConfigFactory clients,
      GeneratorSettings settings,
      TransactionCodec codec,
      PublishPlan plan,
      ProcessMetrics metrics) {
    this.producer =
        new KafkaProducer<>(clients.producer(ComponentClients.GENERATOR_CLIENT_ID).toProperties());
    PublisherStats stats = new PublisherStats();
    if (metrics != null) {
      stats.bindTo(metrics.registry());
    }
    this.producerMetrics = metrics == null ? ProcessMetrics.Binding.NONE : metrics.bind(producer);
    this.publisher =
        new TransactionPublisher(
            producer,
            new TransactionSimulator(settings)::next,
            codec.newEncoder()::encode,
            plan,
            stats,
            System::nanoTime);
    this.thread = new Thread(this::publish, "sentinel-generator");
    this.startedNanos = System.nanoTime();
    thread.start();
  }

  private void publish() {
    try {
      publisher.run();
    } catch (RuntimeException e) {
      crash = e;
    } finally {
      endedNanos = System.nanoTime();
    }
  }

  /** Stops sending; the thread flushes what was sent. */
  void stop() {
    publisher.stop();
  }

  /**
   * Waits for the send loop to end, calling {@code tick} once a second (for a status line). A
   * shutdown request stops the generator first, so later stages can drain what it sent.
   */
  void awaitEnd(ShutdownSignal shutdown, Runnable tick) throws InterruptedException {
    while (!await(Duration.ofSeconds(1))) {
      if (shutdown.isRequested()) {
        stop();
      }
      tick.run();
    }
  }

  /** Waits for the send loop to end; false on timeout. */
  boolean await(Duration timeout) throws InterruptedException {
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }

  PublisherStats stats() {
    return publisher.stats();
  }

  /**
   * What stopped the run early: a fatal send error or a crash of the loop; null after a normal end.
   */
  Exception fatalError() {
    return crash != null ? crash : publisher.fatalError();
  }

  /** Seconds from start to the end of the send loop (or to now while it runs). */
  double elapsedSeconds() {
    long end = endedNanos == 0 ? System.nanoTime() : endedNanos;
    return (end - startedNanos) / 1e9;
  }

  @Override
  public void close() throws InterruptedException {
    stop();
    await(CLOSE_TIMEOUT);
    producerMetrics.close();
    producer.close(CLOSE_TIMEOUT);
  }
}
