package io.streamsentinel.runtime;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition that nothing signals (a consumer group's lag, a client's state) up to a
 * deadline: the one shape of such waits, so each says what it waits for, how long and how often it
 * looks.
 */
public final class Await {

  private Await() {}

  /**
   * Checks {@code done} every {@code every} until it holds or {@code timeout} has passed, running
   * {@code between} after each failed check (a status line, say).
   *
   * @return whether {@code done} held before the deadline
   */
  public static boolean until(
      BooleanSupplier done, Duration timeout, Duration every, Runnable between)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      between.run();
      TimeUnit.NANOSECONDS.sleep(Math.min(left, every.toNanos()));
    }
    return true;
  }

  /** {@link #until(BooleanSupplier, Duration, Duration, Runnable)} with nothing between checks. */
  public static boolean until(BooleanSupplier done, Duration timeout, Duration every)
      throws InterruptedException {
    return until(done, timeout, every, () -> {});
  }
}
