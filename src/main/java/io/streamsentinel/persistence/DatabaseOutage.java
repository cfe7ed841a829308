package io.streamsentinel.persistence;

import io.streamsentinel.response.RetryPolicy;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
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

  private static final RetryPolicy BACKOFF =
      new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(200), Duration.ofSeconds(5));

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
    p.failures++;
    String problem = e.getMessage();
    if (!isWaiting()) {
      log.warn("cannot store a batch ({}); pausing partitions and retrying", problem);
      consumer.pause(consumer.assignment());
    } else {
      log.debug("still cannot store the batch: {}", problem);
    }
    counters.retrying(problem);
    // Paused partitions return nothing, but polling keeps this member in the group.
    consumer.poll(BACKOFF.backoff(p.failures));
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
