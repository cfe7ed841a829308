package io.streamsentinel.runtime;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounded exponential backoff: attempt n waits {@code initial * 2^(n-1)}, capped at {@code max};
 * after {@code attempts} tries the failure is final. Bounded so that one failing alert cannot hold
 * its partition for long. {@code initial == max} gives a fixed delay.
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

  /** Whether {@code failures} failed tries in a row make the failure final. */
  public boolean isExhausted(int failures) {
    return failures >= attempts;
  }

  /** Sleeps the wait before retry number {@code retry}. */
  public void pause(int retry) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(backoff(retry).toMillis());
  }
}
