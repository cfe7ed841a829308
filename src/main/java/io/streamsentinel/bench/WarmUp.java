package io.streamsentinel.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How {@code bench e2e} warms the pipeline up before its measured rounds: a fixed number of
 * transactions, or slices of {@link #SLICE} at the steady rate until the JIT has settled.
 *
 * <p>One JVM running the broker, the generator, the detector, the responder and the reader compiles
 * for one and a half to two minutes on 2 cores (bench e2e, JFR: one C2 thread busy from 10 s to 90
 * s), and what the compiler uses the stages do not get. Settled means a slice in which the JIT's
 * compile time was at most {@link #SETTLED_SHARE} of the slice, after at least {@code minimum}; the
 * warm-up stops at {@code maximum} whether or not it settled, and says so.
 *
 * @param records the transactions of a fixed warm-up, or 0 to warm up until the JIT settles
 * @param minimum the shortest warm-up until the JIT settles
 * @param maximum the longest
 */
public record WarmUp(long records, Duration minimum, Duration maximum) {

  /** The length of one warm-up slice at the steady rate. */
  public static final Duration SLICE = Duration.ofSeconds(10);

  /** The JIT's compile time, as a share of a slice's wall time, below which it has settled. */
  public static final double SETTLED_SHARE = 0.10;

  /** The default: at least 60 s, at most 300 s, until the JIT settles. */
  public static final WarmUp UNTIL_JIT_SETTLES =
      new WarmUp(0, Duration.ofSeconds(60), Duration.ofSeconds(300));

  public WarmUp {
    if (records < 0) {
      throw new IllegalArgumentException(
          "warm-up records must not be negative but were " + records);
    }
    if (minimum.isNegative() || maximum.compareTo(minimum) < 0) {
      throw new IllegalArgumentException(
          "warm-up bounds must be 0 <= minimum <= maximum but were " + minimum + " and " + maximum);
    }
  }

  /** A warm-up of {@code records} transactions, however long the JIT takes. */
  public static WarmUp fixed(long records) {
    if (records < 1) {
      throw new IllegalArgumentException("warm-up records must be positive but were " + records);
    }
    return new WarmUp(records, Duration.ZERO, Duration.ZERO);
  }

  /** True for a fixed number of transactions; false for until the JIT settles. */
  public boolean isFixed() {
    return records > 0;
  }

  /** How it is described in the report's configuration. */
  public String describe() {
    return isFixed()
        ? String.format(Locale.ROOT, "%d transactions", records)
        : String.format(
            Locale.ROOT,
            "slices of %d s at the steady rate until the JIT's compile time in one is at most %.0f"
                + " %% of it, %d to %d s",
            SLICE.toSeconds(),
            100 * SETTLED_SHARE,
            minimum.toSeconds(),
            maximum.toSeconds());
  }

  /** Runs one warm-up slice of {@code records} transactions and returns its figures. */
  @FunctionalInterface
  public interface Slice {
    Map<String, Double> run(int number, long records) throws Exception;
  }

  /**
   * What a warm-up did.
   *
   * @param lastSlice the figures of its last slice (of the only one when fixed)
   * @param slices how many slices it ran
   * @param seconds its wall time
   * @param settled whether the JIT settled (always true when fixed: nothing was waited for)
   */
  public record Outcome(
      Map<String, Double> lastSlice, int slices, double seconds, boolean settled) {

    /** One line for the bench's output. */
    public String describe() {
      double jit = lastSlice.getOrDefault("jit_ms", Double.NaN) / 1000;
      return settled
          ? String.format(
              Locale.ROOT,
              "warm-up: %.0f s in %d slice%s, the JIT %.1f s in the last",
              seconds,
              slices,
              slices == 1 ? "" : "s",
              jit)
          : String.format(
              Locale.ROOT,
              "warm-up: stopped after %.0f s in %d slices; the JIT had not settled (%.1f s in the"
                  + " last slice)",
              seconds,
              slices,
              jit);
    }
  }

  /**
   * Warms up: one slice of {@link #records} when fixed; otherwise slices of {@link #SLICE} at
   * {@code tps} until one ends past {@link #minimum} with the JIT settled, or past {@link
   * #maximum}.
   *
   * @param clock nanoseconds, as {@link System#nanoTime}
   */
  public Outcome run(double tps, Slice slice, LongSupplier clock) throws Exception {
    long start = clock.getAsLong();
    if (isFixed()) {
      Map<String, Double> figures = slice.run(1, records);
      return new Outcome(figures, 1, seconds(start, clock), true);
    }
    long sliceRecords = Math.max(1, Math.round(SLICE.toMillis() / 1000.0 * tps));
    for (int n = 1; ; n++) {
      long sliceStart = clock.getAsLong();
      Map<String, Double> figures = slice.run(n, sliceRecords);
      long end = clock.getAsLong();
      Duration elapsed = Duration.ofNanos(end - start);
      double jitMillis = figures.getOrDefault("jit_ms", Double.NaN);
      boolean settled = jitMillis <= SETTLED_SHARE * (end - sliceStart) / 1e6;
      if ((settled && elapsed.compareTo(minimum) >= 0) || elapsed.compareTo(maximum) >= 0) {
        return new Outcome(figures, n, elapsed.toNanos() / 1e9, settled);
      }
    }
  }

  private static double seconds(long start, LongSupplier clock) {
    return (clock.getAsLong() - start) / 1e9;
  }
}
