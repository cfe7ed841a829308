package io.streamsentinel.persistence;

import io.streamsentinel.kafka.DeadLetterSender;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.response.RetryPolicy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * <p>The work of one instance is pipelined: while writer threads run the database transactions of
 * the batches in flight (at most {@link #WRITERS}, each its own transaction on its own connection),
 * the sink's own thread polls and decodes the next batch and builds its COPY text. Without that the
 * Java side and the PostgreSQL backend took turns and neither core was busy. A batch's offsets are
 * committed, from the sink's thread (a KafkaConsumer is single-threaded), only after its
 * transaction committed and after every earlier batch's offsets: batches commit in poll order, so a
 * later batch stored first never moves the committed position past an earlier one not stored yet.
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

  /** While a batch is being written: short, so its offsets are committed soon after it is. */
  private static final Duration POLL_WHILE_WRITING = Duration.ofMillis(10);

  /**
   * Batches written at once. The PostgreSQL side of a batch (parsing the COPY text, JSONB, three
   * indexes, WAL) costs about twice the Java side, so one writer left the sink waiting on one
   * backend; two backends use the second core. Batches in flight never share a row's natural id
   * unless a record is redelivered, and then the second waits for the first's lock and takes the ON
   * CONFLICT path, as on any redelivery.
   */
  static final int WRITERS = 2;

  private static final Duration RETENTION_EVERY = Duration.ofHours(1);
  private static final RetryPolicy BACKOFF =
      new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(200), Duration.ofSeconds(5));

  private final Consumer<String, byte[]> consumer;
  private final DeadLetterSender deadLetters;
  private final List<BatchWriter> writers = new ArrayList<>();
  private final ExecutorService writerThreads;
  private final Duration retention;
  private final SinkCounters counters;
  private final Clock clock;

  private volatile boolean stopping;
  private volatile Exception fatalError;

  /** Handed to the writer threads, oldest first; their offsets are not committed yet. */
  private Deque<Pending> inFlight = new ArrayDeque<>();

  /** Polled and decoded, waiting for a free writer. */
  private Pending next;

  private Instant nextRetention = Instant.MIN;

  /** A polled batch not yet committed: its rows, its dead letters and where each partition ends. */
  private static final class Pending {
    final SinkBatch batch = new SinkBatch();
    final List<DeadLetter> dead = new ArrayList<>();
    final Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    BatchWriter writer;
    Future<?> write;
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
    // Each writer keeps its own cache of known partitions and is used by one batch at a time. A
    // writer holds a pooled connection only while it writes, so the API still gets one between
    // batches.
    int count = Math.min(WRITERS, database.settings().poolSize());
    for (int i = 0; i < count; i++) {
      writers.add(new BatchWriter(database.dataSource()));
    }
    this.writerThreads =
        Executors.newFixedThreadPool(
            count,
            task -> {
              Thread t = new Thread(task, "sentinel-persist-writer");
              t.setDaemon(
                  true); // ended by run(); daemon only so that a lost sink never holds the JVM
              return t;
            });
    this.retention = database.settings().decisionRetention();
    this.counters = counters;
    this.clock = clock;
  }

  @Override
  public void run() {
    consumer.subscribe(SinkDecoder.TOPICS, new Rebalance());
    try {
      while (!stopping) {
        if (next == null) {
          next = poll(inFlight.isEmpty() ? POLL : POLL_WHILE_WRITING);
        }
        Pending oldest = inFlight.peekFirst();
        boolean full = inFlight.size() == writers.size();
        if (oldest != null && (oldest.write.isDone() || (next != null && full))) {
          settle();
        }
        BatchWriter free = freeWriter();
        if (free != null) {
          applyRetentionWhenDue(free);
          // While the database is down only the batch being retried goes to it.
          if (next != null && (inFlight.isEmpty() || counters.waitingFor() == null)) {
            next.writer = free;
            inFlight.addLast(next);
            startWriting(next);
            next = null;
          }
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        fatalError = e;
      }
    } catch (RuntimeException e) {
      log.error("persistence sink stopped by an error", e);
      fatalError = e;
    } finally {
      settleBeforeClosing();
      writerThreads.shutdown();
      consumer.close();
      log.info("persistence sink stopped");
    }
  }

  private Pending poll(Duration timeout) {
    ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
    if (records.isEmpty()) {
      return null;
    }
    Pending p = new Pending();
    for (ConsumerRecord<String, byte[]> record : records) {
      SinkDecoder.add(record, p.batch, p.dead);
    }
    p.batch.decisionText(); // built here, so that the writer thread only streams it
    // The position, not the last offset + 1: it also steps over transaction markers, so a caught-up
    // group shows a lag of zero.
    for (TopicPartition tp : records.partitions()) {
      p.next.put(tp, new OffsetAndMetadata(consumer.position(tp)));
    }
    return p;
  }

  /**
   * A writer no batch in flight uses (so no writer thread runs its code), or null. A batch leaves
   * {@link #inFlight} only once its write ended.
   */
  private BatchWriter freeWriter() {
    for (BatchWriter w : writers) {
      if (inFlight.stream().noneMatch(p -> p.writer == w)) {
        return w;
      }
    }
    return null;
  }

  private void startWriting(Pending p) {
    p.write =
        writerThreads.submit(
            () -> {
              p.writer.writeIsolatingBadRows(p.batch, p.dead);
              return null;
            });
  }

  /**
   * Waits for the oldest batch in flight, then commits it, or pauses and writes it again after
   * backoff.
   */
  private void settle() {
    Pending oldest = inFlight.peekFirst();
    try {
      awaitWrite(oldest);
      commit(oldest);
      inFlight.removeFirst();
      resumeIfWaiting();
    } catch (WakeupException e) {
      throw e;
    } catch (SQLException | KafkaException e) {
      if (e instanceof org.apache.kafka.clients.consumer.CommitFailedException) {
        // Our partitions moved to another member, which re-reads from the last commit; the rows
        // we stored are stored, so nothing is lost and nothing is doubled.
        log.warn("offsets not committed (group rebalanced); the new owner redoes the batch");
        inFlight.removeFirst();
        resumeIfWaiting();
        return;
      }
      waitBeforeRetry(oldest, e);
      if (inFlight.contains(oldest)) { // the rebalance listener drops a batch left with nothing
        startWriting(oldest);
      }
    }
  }

  /** Sends the batch's dead letters, then commits its offsets; its rows are stored. */
  private void commit(Pending p) {
    sendDeadLetters(p.dead);
    consumer.commitSync(p.next);
    counters.written(p.batch);
  }

  private void resumeIfWaiting() {
    if (counters.waitingFor() != null) {
      consumer.resume(consumer.paused());
      counters.recovered();
      log.info("database reachable again; partitions resumed");
    }
  }

  /** On the way out: the writes in flight end, and the stored ones are committed in order. */
  private void settleBeforeClosing() {
    boolean inOrder = true;
    for (Pending p : inFlight) {
      try {
        awaitWrite(p);
        if (inOrder) {
          commit(p);
        }
      } catch (SQLException | RuntimeException e) {
        log.info("a batch is not committed ({}); it is read again at the next start", e.toString());
        inOrder = false;
      }
    }
    inFlight.clear();
  }

  /**
   * Waits (uninterruptibly: the write must end before its batch is touched) for the batch's write.
   *
   * @throws SQLException as the writer met it
   */
  private static void awaitWrite(Pending p) throws SQLException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          p.write.get();
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

  private void waitBeforeRetry(Pending p, Exception e) {
    p.failures++;
    String problem = e.getMessage();
    if (counters.waitingFor() == null) {
      log.warn("cannot store a batch ({}); pausing partitions and retrying", problem);
      consumer.pause(consumer.assignment());
    } else {
      log.debug("still cannot store the batch: {}", problem);
    }
    counters.retrying(problem);
    // Paused partitions return nothing, but polling keeps this member in the group.
    consumer.poll(BACKOFF.backoff(p.failures));
  }

  /** Runs on the sink's thread with a writer no batch uses (each writer is used by one thread). */
  private void applyRetentionWhenDue(BatchWriter writer) {
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

  /**
   * Keeps the batches in hand consistent with the partitions this member owns. Runs inside {@code
   * poll}, on the sink's thread, so it may commit.
   */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
      release(revoked, true);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
      release(lost, false);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
      if (!inFlight.isEmpty() && counters.waitingFor() != null) {
        consumer.pause(assigned);
      }
    }

    private void release(Collection<TopicPartition> gone, boolean stillOurs) {
      if (gone.isEmpty()) {
        return;
      }
      // Never change a batch a writer thread is still writing: let each write end first. Stored
      // batches are committed while the partitions are still ours, in order, up to the first that
      // is not stored.
      boolean inOrder = stillOurs;
      Deque<Pending> kept = new ArrayDeque<>();
      for (Pending p : inFlight) {
        boolean stored = awaitQuietly(p);
        if (inOrder && stored && committedBeforeHandOver(p)) {
          continue;
        }
        inOrder = false;
        Pending left = without(p, gone);
        if (left != null) {
          kept.addLast(left);
        }
      }
      inFlight = kept;
      if (next != null) {
        next = without(next, gone);
      }
    }

    /** Commits a stored batch while its partitions are still ours; false if it cannot. */
    private boolean committedBeforeHandOver(Pending p) {
      try {
        commit(p);
        resumeIfWaiting();
        return true;
      } catch (KafkaException e) {
        log.warn("stored batch not committed before the rebalance ({})", e.getMessage());
        return false;
      }
    }

    private boolean awaitQuietly(Pending p) {
      try {
        awaitWrite(p);
        return true;
      } catch (SQLException | RuntimeException e) {
        return false; // the main loop meets the same failure when it settles the batch
      }
    }

    /**
     * The batch without the given partitions' rows, dead letters and offsets, or null when nothing
     * is left. Their new owner re-reads them from the last commit; writing them twice would be
     * harmless, but committing them is no longer ours to do.
     */
    private Pending without(Pending p, Collection<TopicPartition> gone) {
      p.batch.dropPartitions(gone);
      p.dead.removeIf(
          d -> gone.contains(new TopicPartition(d.record().topic(), d.record().partition())));
      p.next.keySet().removeAll(gone);
      return p.next.isEmpty() ? null : p;
    }
  }
}
