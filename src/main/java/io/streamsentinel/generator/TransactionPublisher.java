package io.streamsentinel.generator;

import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events to Kafka, keyed by user id so that each user's events share a partition and keep
 * their order, at a target rate. Every send has a callback: successes feed the ack-latency
 * histogram; a failed send is counted (a retriable error means the producer's bounded retries ran
 * out); a fatal error (authorization, fencing, broken sequence) stops the run, since every later
 * send would fail the same way.
 *
 * <p>Pacing: the n-th event is due at {@code start + n / rate}, and none is sent before it is due.
 * The loop parks until the next event is due, but for at least {@link #MIN_PARK_NANOS}, and then
 * sends every event that is due back-to-back, so the average rate holds even though a park
 * overshoots. At 10,000 events a second that is about ten sends per wake-up instead of a park and a
 * wake-up per event: the generator's part of {@code bench e2e}'s CPU fell from 0.23-0.25 to
 * 0.14-0.17 cores. Of a backlog, at most five seconds is caught up back-to-back; anything older is
 * forgotten rather than sent as a burst.
 */
public final class TransactionPublisher implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(TransactionPublisher.class);

  /** How many failures are logged one by one before only the counters tell. */
  private static final int LOGGED_FAILURES = 10;

  /**
   * A run that fell behind (a slow broker, a GC pause) catches up at most this much, not with an
   * unbounded burst.
   */
  private static final long MAX_BACKLOG_NANOS = 5_000_000_000L;

  /** The shortest park: what is due meanwhile goes out in one burst when it ends. */
  static final long MIN_PARK_NANOS = 1_000_000L;

  /** The longest park, so that {@link #stop()} is seen soon. */
  private static final long MAX_PARK_NANOS = 10_000_000L;

  private final Producer<String, byte[]> producer;
  private final Supplier<Transaction> events;
  private final Function<Transaction, byte[]> encoder;
  private final PublishPlan plan;
  private final PublisherStats stats;
  private final LongSupplier nanoTime;
  private final LongConsumer park;
  private final AtomicReference<Exception> fatal = new AtomicReference<>();
  private LabelFeed labels;
  private volatile boolean stopRequested;

  public TransactionPublisher(
      Producer<String, byte[]> producer,
      Supplier<Transaction> events,
      Function<Transaction, byte[]> encoder,
      PublishPlan plan,
      PublisherStats stats,
      LongSupplier nanoTime) {
    this(producer, events, encoder, plan, stats, nanoTime, LockSupport::parkNanos);
  }

  /** As the public constructor, with the clock's park given: a test's clock moves by it. */
  TransactionPublisher(
      Producer<String, byte[]> producer,
      Supplier<Transaction> events,
      Function<Transaction, byte[]> encoder,
      PublishPlan plan,
      PublisherStats stats,
      LongSupplier nanoTime,
      LongConsumer park) {
    this.producer = producer;
    this.events = events;
    this.encoder = encoder;
    this.plan = plan;
    this.stats = stats;
    this.nanoTime = nanoTime;
    this.park = park;
  }

  /**
   * Also sends the labels {@code feed} releases as simulated time passes to {@link
   * TopicCatalog#FRAUD_FEEDBACK}, keyed by user id, on the same producer. Call before {@link #run}.
   */
  public TransactionPublisher withLabels(LabelFeed feed) {
    this.labels = feed;
    return this;
  }

  /**
   * Publishes until the plan's count or duration is reached, {@link #stop()} is called or a fatal
   * error occurs.
   */
  @Override
  public void run() {
    // Fetch the topic's metadata before the clock starts: the first send would otherwise block on
    // it.
    producer.partitionsFor(plan.topic());
    long start = nanoTime.getAsLong();
    long deadline =
        plan.maxDuration() == null ? Long.MAX_VALUE : start + plan.maxDuration().toNanos();
    double nanosPerEvent = plan.unthrottled() ? 0 : 1e9 / plan.targetPerSecond();
    long count = 0;
    while (!stopRequested && fatal.get() == null) {
      long now = nanoTime.getAsLong();
      if (now >= deadline || (plan.maxCount() > 0 && count >= plan.maxCount())) {
        break;
      }
      long wait = start + (long) (count * nanosPerEvent) - now;
      if (wait < -MAX_BACKLOG_NANOS && !plan.unthrottled()) {
        start -= wait + MAX_BACKLOG_NANOS;
      }
      if (wait > 0) {
        park.accept(Math.max(MIN_PARK_NANOS, Math.min(wait, MAX_PARK_NANOS)));
        continue;
      }
      send(events.get());
      count++;
    }
    producer.flush();
    log.info("Publishing to {} stopped after {} events", plan.topic(), count);
  }

  /** Asks the loop to stop after the current send; safe from any thread. */
  public void stop() {
    stopRequested = true;
  }

  /** The error that stopped the run, or null. */
  public Exception fatalError() {
    return fatal.get();
  }

  public PublisherStats stats() {
    return stats;
  }

  private void send(Transaction tx) {
    byte[] value = encoder.apply(tx);
    long sentAt = nanoTime.getAsLong();
    stats.sent(tx.fraudPattern());
    try {
      producer.send(new ProducerRecord<>(plan.topic(), tx.userId(), value), callback(sentAt));
      if (labels != null) {
        sendLabels(tx);
      }
    } catch (KafkaException e) {
      // send() itself throws only for errors no retry can fix (serialization, closed producer,
      // fencing).
      onFailure(e);
      fatal.compareAndSet(null, e);
    }
  }

  private void sendLabels(Transaction tx) {
    labels.observe(tx);
    for (Label label : labels.due(tx.timestamp())) {
      producer.send(
          new ProducerRecord<>(
              TopicCatalog.FRAUD_FEEDBACK, label.userId(), LabelCodec.encode(label)),
          (metadata, error) -> {
            if (error != null) {
              onFailure(error);
            }
          });
    }
  }

  private Callback callback(long sentAt) {
    return (metadata, error) -> {
      if (error == null) {
        stats.acked(nanoTime.getAsLong() - sentAt);
      } else {
        onFailure(error);
      }
    };
  }

  private void onFailure(Exception error) {
    stats.failed(error);
    if (isFatal(error)) {
      fatal.compareAndSet(null, error);
    }
    if (stats.failed() <= LOGGED_FAILURES) {
      log.warn(
          "Send to {} failed ({}): {}",
          plan.topic(),
          error instanceof RetriableException ? "retries exhausted" : "not retriable",
          error.toString());
    }
  }

  static boolean isFatal(Exception error) {
    return error instanceof AuthenticationException
        || error instanceof AuthorizationException
        || error instanceof ProducerFencedException
        || error instanceof OutOfOrderSequenceException
        || error instanceof UnsupportedVersionException;
  }
}
