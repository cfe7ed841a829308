package io.streamsentinel.runtime;

import java.time.Duration;

/**
 * Bounded exponential backoff: attempt n waits {@code initial * 2^(n-1)}, capped at {@code max};
 * after {@code attempts} tries the failure is final. Bounded so that one failing alert cannot hold
 * its partition for long.
 */
public record Backoff(int attempts, Duration initial, Duration max) {

  public static final Backoff DEFAULT =
      new Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(1));

  public Backoff {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1 but was " + attempts);
    }
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration backoff(int retry) {
    long millis = initial.toMillis() << Math.min(20, retry - 1);
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
