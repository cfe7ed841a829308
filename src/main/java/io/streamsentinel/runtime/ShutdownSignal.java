package io.streamsentinel.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Carries Ctrl-C / SIGTERM from the one shutdown hook in {@code main} to the running command, and
 * lets the hook wait until the command has stopped its parts in order.
 */
public final class ShutdownSignal {

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  /** Asks the running command to stop. */
  public void request() {
    requested.countDown();
  }

  public boolean isRequested() {
    return requested.getCount() == 0;
  }

  /** Waits until a stop is requested or the timeout passes; true when requested. */
  public boolean awaitRequest(Duration timeout) throws InterruptedException {
    return requested.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Waits until a stop is requested. */
  public void awaitRequest() throws InterruptedException {
    requested.await();
  }

  /** Called by {@code main} once the command has returned. */
  public void markFinished() {
    finished.countDown();
  }

  /** Waits (in the shutdown hook) for the command to finish its clean-up; false on timeout. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }
}
