package io.streamsentinel.persistence;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll between the consumer and its offset commit: the decoded rows, the records that became
 * dead letters, the offsets to commit once the rows are stored, and the write that stores them.
 *
 * <p>The sink's thread creates and settles it; a writer thread runs its write. Nothing touches the
 * rows or the dead letters while that write runs: whoever needs them first waits for it ({@link
 * #awaitWrite}), and every method that reads or changes them refuses while a write runs.
 */
final class PolledBatch {

  private final SinkBatch rows = new SinkBatch();
  private final List<DeadLetter> deadLetters = new ArrayList<>();

  /** Per partition, where the group resumes once this batch is committed. */
  private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();

  /** The writer of this batch once handed to one; no other batch in flight uses it. */
  private BatchStore writer;

  /** The latest write of this batch (a retry replaces it); null before the first. */
  private Future<?> write;

  /** Failed writes so far, for the backoff before the next. */
  private int failures;

  private PolledBatch() {}

  /**
   * Decodes the records and builds the decisions' COPY text here, on the polling thread, so that
   * the writer thread only streams it.
   */
  static PolledBatch decode(
      ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
    PolledBatch p = new PolledBatch();
    for (ConsumerRecord<String, byte[]> record : records) {
      SinkDecoder.add(record, p.rows, p.deadLetters);
    }
    p.rows.decisionText();
    // The position, not the last offset + 1: it also steps over transaction markers, so a caught-up
    // group shows a lag of zero.
    for (TopicPartition tp : records.partitions()) {
      p.offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
    }
    return p;
  }

  /**
   * Hands the batch to {@code writer} for good (a retry writes with the same one) and starts its
   * first write on {@code threads}.
   */
  void startWrite(BatchStore writer, ExecutorService threads) {
    this.writer = writer;
    writeAgain(threads);
  }

  /** Starts another write with the batch's writer, after the last one failed. */
  void writeAgain(ExecutorService threads) {
    requireNoWriteRunning();
    write =
        threads.submit(
            () -> {
              writer.writeIsolatingBadRows(rows, deadLetters);
              return null;
            });
  }

  /** Whether {@code w} is this batch's writer, so no other batch may use it yet. */
  boolean isWrittenBy(BatchStore w) {
    return writer == w;
  }

  /** Whether the latest write ended, stored or failed; awaiting it then does not block. */
  boolean hasWriteEnded() {
    return write == null || write.isDone();
  }

  /**
   * Waits (uninterruptibly: the write must end before the batch is touched) for the latest write.
   *
   * @throws SQLException as the writer met it
   */
  void awaitWrite() throws SQLException {
    while (!awaitWrite(Duration.ofMinutes(1))) {
      // a write is bounded by the JDBC timeouts; keep waiting
    }
  }

  /**
   * Waits (uninterruptibly) at most {@code max} for the latest write.
   *
   * @return whether it ended; false while it still runs (the batch must not be touched then)
   * @throws SQLException as the writer met it
   */
  boolean awaitWrite(Duration max) throws SQLException {
    long deadline = System.nanoTime() + max.toNanos();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          write.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          return true;
        } catch (TimeoutException e) {
          return false;
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

  /** Counts a failed write, so that the next waits longer. */
  void recordFailure() {
    failures++;
  }

  /** Failed writes so far. */
  int failures() {
    return failures;
  }

  /** The rows as stored, for the counters; call once the write succeeded. */
  SinkBatch storedRows() {
    requireNoWriteRunning();
    return rows;
  }

  /** The dead letters not yet acknowledged by the dead-letter topic (a read-only view). */
  List<DeadLetter> deadLettersToSend() {
    requireNoWriteRunning();
    return Collections.unmodifiableList(deadLetters);
  }

  /**
   * The dead letters are acknowledged: a batch committed again after a failed commit sends none.
   */
  void deadLettersSent() {
    requireNoWriteRunning();
    deadLetters.clear();
  }

  /** Per partition, where the group resumes once this batch is stored (a read-only view). */
  Map<TopicPartition, OffsetAndMetadata> offsetsToCommit() {
    return Collections.unmodifiableMap(offsets);
  }

  /**
   * Removes the given partitions' rows, dead letters and offsets (they are no longer ours to
   * commit); call only once the latest write ended.
   */
  void dropPartitions(Collection<TopicPartition> gone) {
    requireNoWriteRunning();
    rows.dropPartitions(gone);
    deadLetters.removeIf(
        d -> gone.contains(new TopicPartition(d.record().topic(), d.record().partition())));
    offsets.keySet().removeAll(gone);
  }

  /** Whether no partition is left: nothing to store, nothing to commit. */
  boolean isEmpty() {
    return offsets.isEmpty();
  }

  private void requireNoWriteRunning() {
    if (!hasWriteEnded()) {
      throw new IllegalStateException("a writer thread is still writing this batch");
    }
  }
}
