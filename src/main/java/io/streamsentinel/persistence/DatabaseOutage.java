package io.streamsentinel.persistence;

import io.streamsentinel.runtime.Backoff;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the sink waits out a database it cannot write to: it pauses its partitions but keeps polling
 * (so the group keeps this member), writes the same batch again after growing backoff (up to 5 s),
 * and resumes the partitions once a write succeeds. Whether it is waiting lives in {@link
 * SinkCounters#waitingFor}, where status lines read it. Used on the sink's thread only.
 */
final class DatabaseOutage {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

  private static final Backoff BACKOFF =
      new Backoff(Integer.MAX_VALUE, Duration.ofMillis(200), Duration.ofSeconds(5));

  private final Consumer<String, byte[]> consumer;
  private final SinkCounters counters;

  DatabaseOutage(Consumer<String, byte[]> consumer, SinkCounters counters) {
    this.consumer = consumer;
    this.counters = counters;
  }

  /** Whether the partitions are paused until a failed batch is stored. */
  boolean isWaiting() {
    return counters.waitingFor() != null;
  }

  /**
   * Pauses the partitions (on the first failure) and waits the batch's backoff while polling. The
   * poll may run the rebalance listener, which may drop the batch.
   */
  void waitBeforeRetry(PolledBatch p, Exception e) {
    p.recordFailure();
    String problem = problem(e);
    if (!isWaiting()) {
      log.warn("cannot store a batch ({}); pausing partitions and retrying", problem);
    } else {
      log.debug("still cannot store the batch: {}", problem);
    }
    // Every time, not only on the first failure: an eager rebalance clears pauses, and
    // partitions assigned since then must not be read while nothing can be stored.
    consumer.pause(consumer.assignment());
    counters.retrying(problem);
    // Paused partitions return nothing, but polling keeps this member in the group. The poll may
    // rebalance and assign partitions unpaused, which may then return records: nothing read here
    // is kept, so each such partition goes back to its first returned offset and is paused.
    ConsumerRecords<String, byte[]> unexpected = consumer.poll(BACKOFF.backoff(p.failures()));
    for (TopicPartition tp : unexpected.partitions()) {
      consumer.seek(tp, unexpected.records(tp).get(0).offset());
    }
    if (isWaiting()) { // the rebalance may have dropped the batch and ended the wait
      consumer.pause(consumer.assignment());
    }
  }

  /**
   * The problem as the status line and the log show it. A failed batched insert is described by its
   * cause: its own message holds the statement with the row's values.
   */
  static String problem(Exception e) {
    if (!(e instanceof SQLException sql)) {
      return e.getMessage(); // a dead letter or an offset commit that failed
    }
    if (sql instanceof BatchUpdateException && sql.getNextException() != null) {
      sql = sql.getNextException();
    }
    String state = sql.getSQLState() == null ? "" : " (SQLSTATE " + sql.getSQLState() + ")";
    return "database unavailable" + state + ": " + sql.getMessage();
  }

  /**
   * When a rebalance dropped every batch in flight, nothing is left to retry: the partitions this
   * member still owns are resumed and the wait ends.
   */
  void endIfNothingToRetry(boolean idle) {
    if (idle && isWaiting()) {
      consumer.resume(consumer.paused());
      counters.recovered();
      log.info("no batch left to retry after a rebalance; partitions resumed");
    }
  }

  /** Partitions assigned while waiting stay paused too. */
  void pauseWhileWaiting(Collection<TopicPartition> assigned) {
    if (isWaiting()) {
      consumer.pause(assigned);
    }
  }

  /** After a batch was stored and committed: resumes the partitions if they were paused. */
  void resumeIfWaiting() {
    if (isWaiting()) {
      consumer.resume(consumer.paused());
      counters.recovered();
      log.info("database reachable again; partitions resumed");
    }
  }
}
