package io.streamsentinel.persistence;

import io.streamsentinel.database.Database;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batches between poll and offset commit, in poll order: at most one decoded batch queued for a
 * writer, and the batches in flight, each stored by a writer thread in its own transaction on its
 * own pooled connection. The oldest batch in flight is always settled first — committed once
 * stored, or written again after backoff — so offsets advance in poll order even when a later batch
 * is stored first, and never past a batch that is not stored.
 *
 * <p>Used from the sink's thread only (the rebalance listener runs there too, inside {@code poll});
 * the writer threads only run the writes.
 */
final class WritePipeline {

  private static final Logger log = LoggerFactory.getLogger(WritePipeline.class);

  /**
   * Batches written at once. The PostgreSQL side of a batch (parsing the COPY text, JSONB, three
   * indexes, WAL) costs about twice the Java side, so one writer left the sink waiting on one
   * backend; two backends use the second core. Batches in flight never share a row's natural id
   * unless a record is redelivered, and then the second waits for the first's lock and takes the ON
   * CONFLICT path, as on any redelivery.
   */
  private static final int WRITERS = 2;

  /**
   * How long closing waits for the writes in flight. A write to a server that stopped answering
   * only fails at the JDBC socket timeout (a minute); a stop must not wait for that. A write still
   * running then is left to end on its own, its batch not committed: the next start reads it again,
   * and storing is idempotent.
   */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

  /** How often a wait for a write checks whether the sink is closing. */
  private static final Duration CLOSING_CHECK = Duration.ofMillis(100);

  private final List<BatchStore> writers;
  private final ExecutorService writerThreads;
  private final BatchCommitter committer;
  private final DatabaseOutage outage;
  private final BooleanSupplier closing;

  /** Handed to the writer threads, oldest first; their offsets are not committed yet. */
  private Deque<PolledBatch> inFlight = new ArrayDeque<>();

  /** Polled and decoded, waiting for a free writer; or null. */
  private PolledBatch queued;

  /**
   * One writer thread per store; each store is used by one batch at a time.
   *
   * @param closing whether the sink is closing (read from the sink's thread, set from any)
   */
  WritePipeline(
      List<? extends BatchStore> writers,
      BatchCommitter committer,
      DatabaseOutage outage,
      BooleanSupplier closing) {
    this.writers = List.copyOf(writers);
    this.writerThreads =
        Executors.newFixedThreadPool(
            this.writers.size(),
            task -> {
              Thread t = new Thread(task, "sentinel-persist-writer");
              // Ended by close(); daemon only so that a lost sink never holds the JVM.
              t.setDaemon(true);
              return t;
            });
    this.committer = committer;
    this.outage = outage;
    this.closing = closing;
  }

  /** The database's writers, as many as {@link #WRITERS} and the pool allow. */
  static List<BatchStore> writersFor(Database database) {
    // Each writer keeps its own cache of known partitions and is used by one batch at a time. A
    // writer holds a pooled connection only while it writes, so the API still gets one between
    // batches.
    int count = Math.min(WRITERS, database.settings().poolSize());
    List<BatchStore> writers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      writers.add(new BatchWriter(database.dataSource()));
    }
    return writers;
  }

  boolean hasQueued() {
    return queued != null;
  }

  /** Queues a polled batch (null when the poll returned nothing); call only when none is queued. */
  void queue(PolledBatch p) {
    queued = p;
  }

  /** Whether no batch is in flight. */
  boolean isIdle() {
    return inFlight.isEmpty();
  }

  /**
   * Settles the oldest batch in flight when its write ended, or when the queued batch needs its
   * writer; otherwise returns at once.
   */
  void settleWhenDue() {
    PolledBatch oldest = inFlight.peekFirst();
    boolean full = inFlight.size() == writers.size();
    // While the database is down the queued batch waits for the one being retried (startQueued),
    // so the loop blocks on that batch instead of spinning.
    if (oldest != null
        && (oldest.hasWriteEnded() || (queued != null && (full || outage.isWaiting())))) {
      settleOldest();
    }
  }

  /**
   * A writer no batch in flight uses (so no writer thread runs its code), or null. A batch leaves
   * the pipeline only once its write ended.
   */
  BatchStore freeWriter() {
    for (BatchStore w : writers) {
      if (inFlight.stream().noneMatch(p -> p.isWrittenBy(w))) {
        return w;
      }
    }
    return null;
  }

  /** Hands the queued batch, if any, to the free writer. */
  void startQueued(BatchStore free) {
    // While the database is down only the batch being retried goes to it.
    if (queued != null && (inFlight.isEmpty() || !outage.isWaiting())) {
      inFlight.addLast(queued);
      queued.startWrite(free, writerThreads);
      queued = null;
    }
  }

  /**
   * Waits for the oldest batch in flight, then commits it, or pauses and writes it again after
   * backoff. Returns without settling it when the sink is closing: {@link #close} decides then.
   */
  private void settleOldest() {
    PolledBatch oldest = inFlight.peekFirst();
    try {
      while (!oldest.awaitWrite(CLOSING_CHECK)) {
        if (closing.getAsBoolean()) {
          return;
        }
      }
      committer.commit(oldest);
      inFlight.removeFirst();
      outage.resumeIfWaiting();
    } catch (WakeupException e) {
      throw e; // the sink is closing: not a failure to retry
    } catch (SQLException | KafkaException e) {
      if (e instanceof CommitFailedException) {
        // Our partitions moved to another member, which re-reads from the last commit; the rows
        // we stored are stored, so nothing is lost and nothing is doubled.
        log.warn("offsets not committed (group rebalanced); the new owner redoes the batch");
        inFlight.removeFirst();
        outage.resumeIfWaiting();
        return;
      }
      outage.waitBeforeRetry(oldest, e);
      if (inFlight.contains(oldest)) { // the rebalance listener drops a batch left with nothing
        oldest.writeAgain(writerThreads);
      }
    }
  }

  /**
   * On the way out: the writes in flight end, within {@link #CLOSE_GRACE}, the stored ones are
   * committed in order up to the first that is not, and the writer threads end once their writes
   * do. What is not committed is read again at the next start.
   */
  void close() {
    long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
    boolean inOrder = true;
    for (PolledBatch p : inFlight) {
      try {
        if (!p.awaitWrite(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
          log.warn(
              "a database write still runs after {} s (the database does not answer); its batch"
                  + " is not committed and is read again at the next start",
              CLOSE_GRACE.toSeconds());
          inOrder = false;
          continue;
        }
        if (inOrder) {
          committer.commit(p);
        }
      } catch (SQLException | RuntimeException e) {
        log.info("a batch is not committed ({}); it is read again at the next start", e.toString());
        inOrder = false;
      }
    }
    inFlight.clear();
    writerThreads.shutdown();
  }

  /** The batches in flight, oldest first (a copy), for the rebalance listener. */
  List<PolledBatch> inFlight() {
    return List.copyOf(inFlight);
  }

  /** Replaces the batches in flight with {@code kept}, oldest first; for the rebalance listener. */
  void keepInFlight(Collection<PolledBatch> kept) {
    inFlight = new ArrayDeque<>(kept);
  }

  /** Drops the given partitions from the queued batch, and the batch if nothing is left. */
  void dropFromQueued(Collection<TopicPartition> gone) {
    if (queued != null) {
      queued.dropPartitions(gone);
      if (queued.isEmpty()) {
        queued = null;
      }
    }
  }
}
