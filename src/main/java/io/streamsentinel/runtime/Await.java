package io.streamsentinel.runtime;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waiting for a condition that nothing signals (a consumer group's lag, a client's state) up to a
 * deadline: the one shape of such waits, so each says what it waits for, how long and how often it
 * looks.
 */
public final class Await {

  private Await() {}

  /** A condition to look at; it may block briefly (an Admin call, say). */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws InterruptedException;
  }

  /**
   * Checks {@code done} every {@code every} until it holds or {@code timeout} has passed, running
   * {@code between} after each failed check (a status line, say).
   *
   * @return whether {@code done} held before the deadline
   */
  public static boolean until(Condition done, Duration timeout, Duration every, Runnable between)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.holds()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      between.run();
      TimeUnit.NANOSECONDS.sleep(Math.min(left, every.toNanos()));
    }
    return true;
  }

  /** {@link #until(Condition, Duration, Duration, Runnable)} with nothing between checks. */
  public static boolean until(Condition done, Duration timeout, Duration every)
      throws InterruptedException {
    return until(done, timeout, every, () -> {});
  }

  /**
   * Checks {@code done} every {@code every} until it holds, with no deadline: only for waits that
   * the condition itself ends otherwise (a worker thread that died, a close), so say which.
   */
  public static void indefinitely(Condition done, Duration every) throws InterruptedException {
    while (!done.holds()) {
      TimeUnit.NANOSECONDS.sleep(every.toNanos());
    }
  }
}
