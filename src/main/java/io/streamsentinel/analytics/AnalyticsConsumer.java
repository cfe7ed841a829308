package io.streamsentinel.analytics;

import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.StorableValues;
import io.streamsentinel.database.DatabaseException;
import io.streamsentinel.kafka.DeadLetterSender;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.runtime.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka guide's batch consumer: polls {@code fraud-scores} in large batches, adds each batch to
 * the analytics tables together with the next offsets in one database transaction, then commits the
 * batch to Kafka. On assignment it seeks to the offsets in the database, so a crash between the two
 * commits never counts a batch twice; the Kafka commit keeps the group's lag visible. Runs until
 * {@link #stop()} or a fatal error.
 */
public final class AnalyticsConsumer implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(AnalyticsConsumer.class);
  static final String TOPIC = TopicCatalog.FRAUD_SCORES;

  /**
   * Five database failures in a row stop the loop; between them it waits 1, 2, 4 and 4 s (long
   * enough for a database restart, short enough that a dead one stops the loop within seconds).
   */
  private static final Backoff DATABASE_RETRY =
      new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(4));

  private final Consumer<String, byte[]> consumer;
  private final DeadLetterSender deadLetters;
  private final AnalyticsStore store;
  private final AnalyticsSettings settings;
  private final AnalyticsCounters counters = new AnalyticsCounters();

  /** The stored next offset of each assigned partition, as this instance last saw or wrote it. */
  private final Map<Integer, Long> stored = new HashMap<>();

  /** The offsets this instance last committed to Kafka. */
  private final Map<Integer, Long> committedToKafka = new HashMap<>();

  private int databaseFailures;
  private volatile boolean stopRequested;
  private volatile boolean caughtUp;
  private volatile Exception fatal;

  public AnalyticsConsumer(
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> deadLetterProducer,
      AnalyticsStore store,
      AnalyticsSettings settings,
      Clock clock) {
    this.consumer = consumer;
    this.deadLetters =
        new DeadLetterSender(deadLetterProducer, TopicCatalog.PERSISTENCE_DLQ, "analytics", clock);
    this.store = store;
    this.settings = settings;
  }

  @Override
  public void run() {
    try {
      store.claimAlertThreshold(settings.alertThreshold());
      consumer.subscribe(List.of(TOPIC), new OffsetRestorer(consumer, store, stored));
      while (!stopRequested) {
        try {
          ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
          if (!records.isEmpty()) {
            processBatch(records);
          }
          updateRemaining();
        } catch (RetriableException e) {
          // The brokers are away longer than a call's timeout: not a reason to stop counting.
          caughtUp = false;
          log.warn("Kafka unavailable ({}); analytics retries", e.toString());
        }
      }
    } catch (WakeupException e) {
      // stop() woke the poll up
    } catch (RuntimeException e) {
      fatal = e;
      log.error("Analytics stopped by an error", e);
    }
  }

  /** Stops after the current batch; safe from any thread. */
  public void stop() {
    stopRequested = true;
    consumer.wakeup();
  }

  /** Whether every assigned partition was read to its end at the last check. */
  public boolean isCaughtUp() {
    return caughtUp;
  }

  /** The error that stopped the loop, or null. */
  public Exception fatalError() {
    return fatal;
  }

  public AnalyticsCounters counters() {
    return counters;
  }

  private void processBatch(ConsumerRecords<String, byte[]> records) {
    StatisticsTally tally = new StatisticsTally(settings.alertThreshold());
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        tally.add(storable(record.value()));
      } catch (IllegalArgumentException e) {
        tally.addUndecodable();
        deadLetters.send(record, "decision", e.getMessage());
      }
    }
    // The dead letters are out before the batch counts as done. They are at-least-once: a batch
    // refused below (stale offsets) or lost to a crash before the database commit sends them again.
    deadLetters.awaitAll();
    Map<Integer, Long> next = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      next.put(tp.partition(), consumer.position(tp)); // past any transaction marker
    }
    try {
      store.apply(tally, TOPIC, stored, next);
    } catch (StaleOffsetsException e) {
      log.warn("Batch not counted, {}; re-reading the stored offsets", e.getMessage());
      OffsetRestorer.seekToStored(consumer, store, stored, consumer.assignment());
      return;
    } catch (DatabaseException e) {
      retryLater(records, e);
      return;
    }
    databaseFailures = 0;
    stored.putAll(next);
    counters.batch(records.count(), tally.count(Counter.UNDECODABLE_RECORDS));
    commitToKafka(next);
  }

  /**
   * The decision, when the statistics can hold what it says: its text is storable and its event
   * time has a date (the persistence sink refuses the same records).
   *
   * @throws IllegalArgumentException naming the problem otherwise
   */
  private static DecisionDocument storable(byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException("a decision must not be empty");
    }
    String unstorable = StorableValues.textProblem(value);
    if (unstorable != null) {
      throw new IllegalArgumentException(unstorable);
    }
    DecisionDocument decision = DecisionDocumentReader.read(value);
    StorableValues.requireStorable("event_time", decision.eventTime());
    return decision;
  }

  /**
   * The database failed (a restart, a lost connection): nothing of the batch was written, so it is
   * read again after a pause ({@link #DATABASE_RETRY}); after its last attempt the loop stops.
   */
  private void retryLater(ConsumerRecords<String, byte[]> records, DatabaseException e) {
    databaseFailures++;
    if (DATABASE_RETRY.isExhausted(databaseFailures)) {
      throw e;
    }
    log.warn("Batch not counted, read again (attempt {}): {}", databaseFailures, e.getMessage());
    for (TopicPartition tp : records.partitions()) {
      consumer.seek(tp, records.records(tp).get(0).offset());
    }
    try {
      DATABASE_RETRY.pause(databaseFailures);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private void commitToKafka(Map<Integer, Long> next) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    next.forEach(
        (p, offset) -> offsets.put(new TopicPartition(TOPIC, p), new OffsetAndMetadata(offset)));
    try {
      consumer.commitSync(offsets);
      committedToKafka.putAll(next);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // The database holds what was counted; a lost Kafka commit only delays the lag figure.
      log.warn("Kafka commit of a counted batch failed (the database has it): {}", e.toString());
    }
  }

  private void updateRemaining() {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      caughtUp = false;
      return;
    }
    long remaining = 0;
    for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(assigned).entrySet()) {
      remaining += Math.max(0, end.getValue() - consumer.position(end.getKey()));
    }
    counters.remaining(remaining);
    if (remaining == 0) {
      commitTrailingMarkers(assigned);
    }
    caughtUp = remaining == 0; // after the commit: a caller may stop the loop once it reads true
  }

  /**
   * A transaction's commit marker can arrive after the batch that held its records; reading it
   * moves the position without a record to count. Committing that position once caught up lets the
   * group's lag read 0 instead of one per partition. Nothing is counted, so the database's offsets
   * stay as they are (re-reading a marker adds nothing).
   */
  private void commitTrailingMarkers(Set<TopicPartition> assigned) {
    Map<Integer, Long> moved = new HashMap<>();
    for (TopicPartition tp : assigned) {
      long position = consumer.position(tp);
      if (position > 0 && committedToKafka.getOrDefault(tp.partition(), -1L) != position) {
        moved.put(tp.partition(), position);
      }
    }
    if (!moved.isEmpty()) {
      commitToKafka(moved);
    }
  }
}
