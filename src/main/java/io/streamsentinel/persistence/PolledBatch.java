package io.streamsentinel.persistence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll between the consumer and its offset commit: the decoded rows, the records that became
 * dead letters, the offsets to commit once the rows are stored, and the write that stores them.
 *
 * <p>The sink's thread creates and settles it; a writer thread runs {@link #write}. Nothing touches
 * {@link #batch} or {@link #dead} while that write runs: whoever changes them first waits for it
 * ({@link #awaitWrite}).
 */
final class PolledBatch {

  final SinkBatch batch = new SinkBatch();
  final List<DeadLetter> dead = new ArrayList<>();

  /** Per partition, where the group resumes once this batch is committed. */
  final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();

  /** The writer of this batch while it is in flight; no other batch in flight uses it. */
  BatchWriter writer;

  /** The latest write of this batch (a retry replaces it). */
  Future<?> write;

  /** Failed writes so far, for the backoff before the next. */
  int failures;

  /**
   * Decodes the records and builds the decisions' COPY text here, on the polling thread, so that
   * the writer thread only streams it.
   */
  static PolledBatch decode(
      ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
    PolledBatch p = new PolledBatch();
    for (ConsumerRecord<String, byte[]> record : records) {
      SinkDecoder.add(record, p.batch, p.dead);
    }
    p.batch.decisionText();
    // The position, not the last offset + 1: it also steps over transaction markers, so a caught-up
    // group shows a lag of zero.
    for (TopicPartition tp : records.partitions()) {
      p.offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
    }
    return p;
  }

  /**
   * Waits (uninterruptibly: the write must end before the batch is touched) for the latest write.
   *
   * @throws SQLException as the writer met it
   */
  void awaitWrite() throws SQLException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          write.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof SQLException sql) {
            throw sql;
          }
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IllegalStateException("the database writer failed", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Removes the given partitions' rows, dead letters and offsets (they are no longer ours to
   * commit); call only while no write of this batch runs.
   *
   * @return whether any partition is left
   */
  boolean dropPartitions(Collection<TopicPartition> gone) {
    batch.dropPartitions(gone);
    dead.removeIf(
        d -> gone.contains(new TopicPartition(d.record().topic(), d.record().partition())));
    offsets.keySet().removeAll(gone);
    return !offsets.isEmpty();
  }
}
