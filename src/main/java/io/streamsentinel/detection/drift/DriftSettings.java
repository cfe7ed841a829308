package io.streamsentinel.detection.drift;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How live drift is measured.
 *
 * @param window how much wall-clock time of decisions the live window holds
 * @param buckets in how many steps the window slides: a bucket of {@code window / buckets} expires
 *     at once, so the window holds between {@code window − window / buckets} and {@code window} of
 *     decisions
 * @param minDecisions fewer live decisions in the window than this, and no PSI is given
 */
public record DriftSettings(Duration window, int buckets, long minDecisions) {

  /** Ten minutes: long enough for a steady sample at a few decisions per second. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

  /** One-minute buckets in the default window. */
  public static final int DEFAULT_BUCKETS = 10;

  /**
   * 500 decisions: with ten bins the PSI of a sample that has not drifted at all is about (bins −
   * 1) / n ≈ 0.02 from sampling noise alone, well under the 0.1 of a moderate shift.
   */
  public static final long DEFAULT_MIN_DECISIONS = 500;

  /**
   * Inputs the live window does not judge: a window shorter than a day sees only a slice of the
   * hours, so {@code hour_of_day} always looks drifted; {@code history_count} grows with the age of
   * every profile, so it drifts by construction as the system runs. Their reference is still kept.
   */
  public static final Set<String> UNJUDGED_INPUTS = Set.of("hour_of_day", "history_count");

  public DriftSettings {
    Objects.requireNonNull(window, "window");
    if (buckets < 1 || window.toMillis() < buckets) {
      throw new IllegalArgumentException(
          "the drift window needs at least one bucket of at least 1 ms, got "
              + window
              + " in "
              + buckets);
    }
    if (minDecisions < 1) {
      throw new IllegalArgumentException("min decisions must be positive, not " + minDecisions);
    }
  }

  public static DriftSettings defaults() {
    return new DriftSettings(DEFAULT_WINDOW, DEFAULT_BUCKETS, DEFAULT_MIN_DECISIONS);
  }

  /** The same settings with another window. */
  public DriftSettings withWindow(Duration value) {
    return new DriftSettings(value, buckets, minDecisions);
  }

  /** The wall-clock span of one bucket. */
  public long bucketMillis() {
    return window.toMillis() / buckets;
  }
}
