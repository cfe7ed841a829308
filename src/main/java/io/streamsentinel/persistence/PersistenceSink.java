package io.streamsentinel.persistence;

import io.streamsentinel.kafka.DeadLetterSender;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.response.RetryPolicy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence sink: consumer group {@code persistence-group} on decisions, alerts, actions and
 * account statuses, writing each poll as one database transaction, then committing the offsets. The
 * order is the guarantee: nothing is committed before it is stored (no loss), and storing is
 * idempotent by natural id (no doubles after redelivery).
 *
 * <p>When the database is unreachable the sink pauses its partitions (polling on, so the group
 * keeps it), retries the same batch with growing backoff, and resumes when the write succeeds. A
 * record the database refuses for what it is (not for being unreachable) goes to {@code
 * persistence-dlq} with the reason, as does a record that cannot be decoded.
 */
public final class PersistenceSink implements Runnable, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PersistenceSink.class);

  /** The sink's consumer group. */
  public static final String GROUP_ID = "persistence-group";

  /** The topics the sink stores. */
  public static final List<String> TOPICS = SinkDecoder.TOPICS;

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration RETENTION_EVERY = Duration.ofHours(1);
  private static final RetryPolicy BACKOFF =
      new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(200), Duration.ofSeconds(5));

  private final Consumer<String, byte[]> consumer;
  private final DeadLetterSender deadLetters;
  private final BatchWriter writer;
  private final Duration retention;
  private final SinkCounters counters;
  private final Clock clock;

  private volatile boolean stopping;
  private volatile Exception fatalError;
  private Pending pending;
  private Instant nextRetention = Instant.MIN;

  /** A polled batch not yet committed: its rows, its dead letters and where each partition ends. */
  private static final class Pending {
    final SinkBatch batch = new SinkBatch();
    final List<DeadLetter> dead = new ArrayList<>();
    final Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    int failures;
  }

  public PersistenceSink(
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> dlqProducer,
      Database database,
      SinkCounters counters,
      Clock clock) {
    this.consumer = consumer;
    this.deadLetters =
        new DeadLetterSender(dlqProducer, TopicCatalog.PERSISTENCE_DLQ, "persistence", clock);
    this.writer = new BatchWriter(database.dataSource());
    this.retention = database.settings().decisionRetention();
    this.counters = counters;
    this.clock = clock;
  }

  @Override
  public void run() {
    consumer.subscribe(SinkDecoder.TOPICS, new Rebalance());
    try {
      while (!stopping) {
        if (pending == null) {
          pending = poll();
        }
        if (pending != null) {
          store();
        }
        applyRetentionWhenDue();
      }
    } catch (WakeupException e) {
      if (!stopping) {
        fatalError = e;
      }
    } catch (RuntimeException e) {
      log.error("persistence sink stopped by an error", e);
      fatalError = e;
    } finally {
      consumer.close();
      log.info("persistence sink stopped");
    }
  }

  private Pending poll() {
    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
    if (records.isEmpty()) {
      return null;
    }
    Pending p = new Pending();
    for (ConsumerRecord<String, byte[]> record : records) {
      SinkDecoder.add(record, p.batch, p.dead);
    }
    // The position, not the last offset + 1: it also steps over transaction markers, so a caught-up
    // group shows a lag of zero.
    for (TopicPartition tp : records.partitions()) {
      p.next.put(tp, new OffsetAndMetadata(consumer.position(tp)));
    }
    return p;
  }

  /** Writes, dead-letters and commits the pending batch, or pauses and waits to try again. */
  private void store() {
    try {
      writeIsolatingBadRows(pending);
      sendDeadLetters(pending.dead);
      consumer.commitSync(pending.next);
      counters.written(pending.batch);
      finished();
    } catch (SQLException | KafkaException e) {
      if (e instanceof org.apache.kafka.clients.consumer.CommitFailedException) {
        // Our partitions moved to another member, which re-reads from the last commit; the rows
        // we stored are stored, so nothing is lost and nothing is doubled.
        log.warn("offsets not committed (group rebalanced); the new owner redoes the batch");
        finished();
        return;
      }
      waitBeforeRetry(e);
    }
  }

  private void finished() {
    pending = null;
    if (counters.waitingFor() != null) {
      consumer.resume(consumer.paused());
      counters.recovered();
      log.info("database reachable again; partitions resumed");
    }
  }

  private void writeIsolatingBadRows(Pending p) throws SQLException {
    try {
      writer.write(p.batch);
    } catch (SQLException e) {
      if (TransientFailures.isTransient(e)) {
        throw e;
      }
      log.warn("the database refused a batch ({}); storing its rows one by one", e.getMessage());
      for (SinkBatch single : p.batch.singles()) {
        try {
          writer.write(single);
        } catch (SQLException rowFailure) {
          if (TransientFailures.isTransient(rowFailure)) {
            throw rowFailure;
          }
          p.dead.add(new DeadLetter(single.onlyOrigin(), "database: " + rowFailure.getMessage()));
          p.batch.remove(single.onlyOrigin()); // counted as a dead letter, not as stored
        }
      }
    }
  }

  private void sendDeadLetters(List<DeadLetter> dead) {
    if (dead.isEmpty()) {
      return;
    }
    for (DeadLetter d : dead) {
      deadLetters.send(d.record(), null, d.problem());
    }
    deadLetters.awaitAll();
    counters.deadLetters(dead.size());
    dead.clear();
  }

  private void waitBeforeRetry(Exception e) {
    pending.failures++;
    String problem = e.getMessage();
    if (counters.waitingFor() == null) {
      log.warn("cannot store a batch ({}); pausing partitions and retrying", problem);
      consumer.pause(consumer.assignment());
    } else {
      log.debug("still cannot store the batch: {}", problem);
    }
    counters.retrying(problem);
    // Paused partitions return nothing, but polling keeps this member in the group.
    consumer.poll(BACKOFF.backoff(pending.failures));
  }

  private void applyRetentionWhenDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextRetention) || counters.waitingFor() != null) {
      return;
    }
    nextRetention = now.plus(RETENTION_EVERY);
    try {
      writer.applyRetention(retention, now);
    } catch (SQLException e) {
      log.warn("decision retention not applied now ({}); next try in an hour", e.getMessage());
    }
  }

  /** The error that stopped the sink, or null. */
  public Exception fatalError() {
    return fatalError;
  }

  public SinkCounters counters() {
    return counters;
  }

  /** Asks the loop to stop after the batch in hand; safe from any thread. */
  @Override
  public void close() {
    stopping = true;
    consumer.wakeup();
  }

  /** Keeps the pending batch consistent with the partitions this member owns. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
      dropRevoked(revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
      dropRevoked(lost);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
      if (pending != null && counters.waitingFor() != null) {
        consumer.pause(assigned);
      }
    }

    private void dropRevoked(Collection<TopicPartition> revoked) {
      if (pending == null) {
        return;
      }
      // Their new owner re-reads them from the last commit; writing them twice would be harmless,
      // but committing them is no longer ours to do.
      pending.batch.dropPartitions(revoked);
      pending.dead.removeIf(
          d -> revoked.contains(new TopicPartition(d.record().topic(), d.record().partition())));
      pending.next.keySet().removeAll(revoked);
      if (pending.next.isEmpty()) {
        pending = null;
      }
    }
  }
}
