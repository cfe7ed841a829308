package io.streamsentinel.generator;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.runtime.ShutdownSignal;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The generator as a running stage: the simulation wired to a real producer, on its own thread,
 * from {@link #start()} until the plan ends, {@link #stop()} or {@link #close()}.
 */
public final class GeneratorService implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<String, byte[]> producer;
  private final ClientMetrics.Binding producerMetrics;
  private final TransactionPublisher publisher;
  private final Thread thread;
  private long startedNanos;
  private volatile long endedNanos;
  private volatile RuntimeException crash;
  private final LabelFeed labelFeed;
  private boolean closed;

  /**
   * @param metrics the process's metrics, to which the producer and the counters are bound
   */
  public GeneratorService(
      ClientConfigFactory clients,
      GeneratorSettings settings,
      TransactionCodec codec,
      PublishPlan plan,
      ClientMetrics metrics) {
    this(clients, settings, codec, plan, metrics, null);
  }

  /**
   * A generator that also sends the labels of its transactions to {@code fraud-feedback} as they
   * fall due in simulated time (see {@link LabelFeed}).
   *
   * @param labels when labels come; null sends none
   */
  public GeneratorService(
      ClientConfigFactory clients,
      GeneratorSettings settings,
      TransactionCodec codec,
      PublishPlan plan,
      ClientMetrics metrics,
      LabelFeed.Policy labels) {
    this(
        clients,
        new TransactionSimulator(settings)::next,
        codec,
        plan,
        metrics,
        labels == null ? null : new LabelFeed(labels, settings.seed()));
  }

  /**
   * A generator that sends {@code events} instead of the simulator's own stream: a benchmark's
   * variation of the simulated transactions, say. Sends no labels.
   *
   * @param events the transactions in sending order; called on the generator's thread only
   */
  public GeneratorService(
      ClientConfigFactory clients,
      Supplier<Transaction> events,
      TransactionCodec codec,
      PublishPlan plan,
      ClientMetrics metrics) {
    this(clients, events, codec, plan, metrics, null);
  }

  private GeneratorService(
      ClientConfigFactory clients,
      Supplier<Transaction> events,
      TransactionCodec codec,
      PublishPlan plan,
      ClientMetrics metrics,
      LabelFeed labelFeed) {
    this.producer = new KafkaProducer<>(clients.producer(ClientCatalog.GENERATOR).toProperties());
    PublisherStats stats = new PublisherStats();
    stats.bindTo(metrics.registry());
    this.producerMetrics = metrics.bind(producer);
    this.publisher =
        new TransactionPublisher(producer, events, codec::encode, plan, stats, System::nanoTime);
    this.labelFeed = labelFeed;
    if (labelFeed != null) {
      publisher.withLabels(labelFeed);
    }
    this.thread = new Thread(this::publish, "sentinel-generator");
  }

  /** Starts sending on the generator's thread. */
  public GeneratorService start() {
    this.startedNanos = System.nanoTime();
    thread.start();
    return this;
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
  public void stop() {
    publisher.stop();
  }

  /**
   * Waits for the send loop to end, calling {@code tick} once a second (for a status line). A
   * shutdown request stops the generator first, so later stages can drain what it sent.
   */
  public void awaitEnd(ShutdownSignal shutdown, Runnable tick) throws InterruptedException {
    while (!await(Duration.ofSeconds(1))) {
      if (shutdown.isRequested()) {
        stop();
      }
      tick.run();
    }
  }

  /** Waits for the send loop to end; false on timeout. */
  public boolean await(Duration timeout) throws InterruptedException {
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }

  /** Labels sent so far (read after the run for an exact count); 0 without labels. */
  public long labelsSent() {
    return labelFeed == null ? 0 : labelFeed.released();
  }

  public PublisherStats stats() {
    return publisher.stats();
  }

  /**
   * What stopped the run early: a fatal send error or a crash of the loop; null after a normal end.
   */
  public Exception fatalError() {
    return crash != null ? crash : publisher.fatalError();
  }

  /** Seconds from start to the end of the send loop (or to now while it runs). */
  public double elapsedSeconds() {
    long end = endedNanos == 0 ? System.nanoTime() : endedNanos;
    return (end - startedNanos) / 1e9;
  }

  @Override
  public void close() throws InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    await(CLOSE_TIMEOUT);
    producerMetrics.close();
    producer.close(CLOSE_TIMEOUT);
  }
}
