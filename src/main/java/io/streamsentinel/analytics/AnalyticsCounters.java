package io.streamsentinel.analytics;

import java.util.concurrent.atomic.AtomicLong;

/** What the running consumer has done, for status lines; safe to read from any thread. */
public final class AnalyticsCounters {

  private final AtomicLong records = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicLong remaining = new AtomicLong(-1);

  void batch(long recordCount, long undecodable) {
    records.addAndGet(recordCount);
    deadLetters.addAndGet(undecodable);
    batches.incrementAndGet();
  }

  void remaining(long lag) {
    remaining.set(lag);
  }

  /** Records counted by this process. */
  public long records() {
    return records.get();
  }

  /** Batches committed (one database transaction and one Kafka commit each). */
  public long batches() {
    return batches.get();
  }

  /** Undecodable records sent to the dead-letter topic. */
  public long deadLetters() {
    return deadLetters.get();
  }

  /** Committed records still to read on the assigned partitions; -1 before the first check. */
  public long remaining() {
    return remaining.get();
  }
}
