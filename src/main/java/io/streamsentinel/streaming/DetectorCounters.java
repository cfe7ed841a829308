package io.streamsentinel.streaming;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what this detector instance did, for status lines. Under exactly-once a task that
 * aborts and replays counts its records again, so these are activity counters; exact totals come
 * from the output topics.
 */
public final class DetectorCounters {

  private final LongAdder scored = new LongAdder();
  private final LongAdder alerts = new LongAdder();
  private final LongAdder deadLetters = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder profileResets = new LongAdder();

  void scored() {
    scored.increment();
  }

  void alert() {
    alerts.increment();
  }

  void deadLetter() {
    deadLetters.increment();
  }

  void duplicate() {
    duplicates.increment();
  }

  void profileReset() {
    profileResets.increment();
  }

  /** Stored profiles that could not be read and were started afresh. */
  public long profileResetCount() {
    return profileResets.sum();
  }

  public long scoredCount() {
    return scored.sum();
  }

  public long alertCount() {
    return alerts.sum();
  }

  public long deadLetterCount() {
    return deadLetters.sum();
  }

  public long duplicateCount() {
    return duplicates.sum();
  }
}
