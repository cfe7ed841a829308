package io.streamsentinel.bench;

import io.streamsentinel.runtime.ProgressLine;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Prints, once a second while a long phase runs, how far it got: done/total, the rate over the last
 * second and the time left at that rate. A daemon thread, so a phase that throws never leaves it
 * behind for long; {@link #close()} stops it.
 */
public final class ProgressTicker implements AutoCloseable {

  private static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Thread thread;
  private volatile boolean stopped;

  /**
   * @param phase names the phase in each line
   * @param done how many items are done so far
   * @param total how many there are
   */
  public ProgressTicker(String phase, LongSupplier done, long total, Consumer<String> out) {
    this.thread = new Thread(() -> tick(phase, done, total, out), "bench-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void tick(String phase, LongSupplier done, long total, Consumer<String> out) {
    long start = System.nanoTime();
    long lastDone = done.getAsLong();
    long lastNanos = start;
    while (!stopped) {
      // parkNanos, not sleep: an unpark from close() ends the wait at once.
      LockSupport.parkNanos(this, PERIOD_NANOS);
      if (stopped) {
        return;
      }
      long now = System.nanoTime();
      long d = done.getAsLong();
      out.accept(line(phase, d, total, (d - lastDone) / ((now - lastNanos) / 1e9), now - start));
      lastDone = d;
      lastNanos = now;
    }
  }

  /** One progress line: a {@link ProgressLine}, indented under the phase's heading. */
  static String line(String phase, long done, long total, double rate, long elapsedNanos) {
    return "  " + ProgressLine.of(elapsedNanos / 1e9, phase, done, total, "", rate);
  }

  @Override
  public void close() {
    stopped = true;
    LockSupport.unpark(thread);
  }
}
