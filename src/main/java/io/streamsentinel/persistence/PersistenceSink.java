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
 * <p>Two threads share the work of one instance, one batch each: while a writer thread runs batch
 * N's database transaction, the sink's own thread polls and decodes batch N+1 and builds its COPY
 * text. Without that the Java side and the PostgreSQL backend took turns and neither core was busy.
 * At most one batch is in flight; its offsets are committed, from the sink's thread (a
 * KafkaConsumer is single-threaded), only after its transaction committed, and batches commit in
 * poll order.
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

  private static final Duration RETENTION_EVERY = Duration.ofHours(1);
  private static final RetryPolicy BACKOFF =
      new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(200), Duration.ofSeconds(5));

  private final Consumer<String, byte[]> consumer;
  private final DeadLetterSender deadLetters;
  private final BatchWriter writer;
  private final ExecutorService writerThread;
  private final Duration retention;
  private final SinkCounters counters;
  private final Clock clock;

  private volatile boolean stopping;
  private volatile Exception fatalError;

  /** Handed to the writer thread; its offsets are not committed yet. */
  private Pending inFlight;

  /** Polled and decoded, waiting for the writer thread. */
  private Pending next;

  private Instant nextRetention = Instant.MIN;

  /** A polled batch not yet committed: its rows, its dead letters and where each partition ends. */
  private static final class Pending {
    final SinkBatch batch = new SinkBatch();
    final List<DeadLetter> dead = new ArrayList<>();
    final Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
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
    this.writer = new BatchWriter(database.dataSource());
    this.writerThread =
        Executors.newSingleThreadExecutor(
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
          next = poll(inFlight == null ? POLL : POLL_WHILE_WRITING);
        }
        if (inFlight != null && (next != null || inFlight.write.isDone())) {
          settle();
        }
        if (inFlight == null) {
          // The writer thread is idle here, so retention has the database connection logic alone.
          applyRetentionWhenDue();
          if (next != null) {
            inFlight = next;
            next = null;
            startWriting(inFlight);
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
      writerThread.shutdown();
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

  private void startWriting(Pending p) {
    p.write =
        writerThread.submit(
            () -> {
              writer.writeIsolatingBadRows(p.batch, p.dead);
              return null;
            });
  }

  /**
   * Waits for the batch in flight, then commits it, or pauses and writes it again after backoff.
   */
  private void settle() {
    try {
      awaitWrite(inFlight);
      commit(inFlight);
      inFlight = null;
      resumeIfWaiting();
    } catch (WakeupException e) {
      throw e;
    } catch (SQLException | KafkaException e) {
      if (e instanceof org.apache.kafka.clients.consumer.CommitFailedException) {
        // Our partitions moved to another member, which re-reads from the last commit; the rows
        // we stored are stored, so nothing is lost and nothing is doubled.
        log.warn("offsets not committed (group rebalanced); the new owner redoes the batch");
        inFlight = null;
        resumeIfWaiting();
        return;
      }
      waitBeforeRetry(e);
      if (inFlight != null) { // the rebalance listener drops a batch left with no partition of ours
        startWriting(inFlight);
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

  /** On the way out: the batch in flight is finished and, when it was stored, committed. */
  private void settleBeforeClosing() {
    if (inFlight == null) {
      return;
    }
    try {
      awaitWrite(inFlight);
      commit(inFlight);
    } catch (SQLException | RuntimeException e) {
      log.info("last batch not committed ({}); it is read again at the next start", e.toString());
    }
    inFlight = null;
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

  private void waitBeforeRetry(Exception e) {
    inFlight.failures++;
    String problem = e.getMessage();
    if (counters.waitingFor() == null) {
      log.warn("cannot store a batch ({}); pausing partitions and retrying", problem);
      consumer.pause(consumer.assignment());
    } else {
      log.debug("still cannot store the batch: {}", problem);
    }
    counters.retrying(problem);
    // Paused partitions return nothing, but polling keeps this member in the group.
    consumer.poll(BACKOFF.backoff(inFlight.failures));
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
      if (inFlight != null && counters.waitingFor() != null) {
        consumer.pause(assigned);
      }
    }

    private void release(Collection<TopicPartition> gone, boolean stillOurs) {
      if (gone.isEmpty()) {
        return;
      }
      if (inFlight != null) {
        // Never change a batch the writer thread is still writing: let the write end first.
        boolean stored = awaitQuietly(inFlight);
        if (stored && stillOurs && committedBeforeHandOver()) {
          inFlight = null;
        } else {
          inFlight = without(inFlight, gone);
        }
      }
      if (next != null) {
        next = without(next, gone);
      }
    }

    /**
     * Commits the stored batch in flight while its partitions are still ours; false if it can't.
     */
    private boolean committedBeforeHandOver() {
      try {
        commit(inFlight);
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
