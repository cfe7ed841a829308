package io.streamsentinel.learning;

import java.time.Duration;
import java.time.Instant;

/**
 * When continuous retraining trains next: once {@code every} has passed since the last run, or as
 * soon as {@code everyLabels} new label records have come since it, whichever is first. Not
 * thread-safe: the training loop owns it.
 */
public final class RetrainSchedule {

  private final Duration every;
  private final long everyLabels;
  private Instant lastRun;
  private long labelsAtLastRun;

  /**
   * @param every the longest wait between two runs; positive
   * @param everyLabels new label records that trigger a run early; 0 for none
   */
  public RetrainSchedule(Duration every, long everyLabels) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("--every must be positive, got " + every);
    }
    if (everyLabels < 0) {
      throw new IllegalArgumentException("--every-labels must not be negative, got " + everyLabels);
    }
    this.every = every;
    this.everyLabels = everyLabels;
  }

  /** Notes a run that started at {@code now} with {@code labels} label records in the topic. */
  public void ran(Instant now, long labels) {
    lastRun = now;
    labelsAtLastRun = labels;
  }

  /** Whether a run is due at {@code now} with {@code labels} label records in the topic. */
  public boolean isDue(Instant now, long labels) {
    if (lastRun == null || !now.isBefore(lastRun.plus(every))) {
      return true;
    }
    return everyLabels > 0 && labels - labelsAtLastRun >= everyLabels;
  }

  /** Why a run is due, for the log line. */
  public String reason(Instant now, long labels) {
    if (lastRun == null) {
      return "first run";
    }
    if (!now.isBefore(lastRun.plus(every))) {
      return every + " since the last run";
    }
    return (labels - labelsAtLastRun) + " new label records since the last run";
  }
}
