package io.streamsentinel.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How {@code bench e2e} warms the pipeline up before its measured rounds: a fixed number of
 * transactions, or slices of {@link #SLICE} at the steady rate until the JIT has settled.
 *
 * <p>One JVM running the broker, the generator, the detector, the responder and the reader compiles
 * for minutes on 2 cores (bench e2e under exactly_once_v2, JFR: its one C2 thread busy from 10 s to
 * 90 s), and what the compiler uses the stages do not get. Settled means {@link #SETTLED_SLICES}
 * slices in a row in each of which the JIT's compile time was at most {@link #SETTLED_SHARE} of
 * {@link #SLICE} (the nominal length, so a slice that drains late does not dilute it), the last of
 * them ending after at least {@code minimum}. No slice starts once {@code maximum} has passed; the
 * warm-up then ends whether or not the JIT settled, and says so.
 *
 * @param records the transactions of a fixed warm-up, or 0 to warm up until the JIT settles
 * @param minimum the shortest warm-up until the JIT settles
 * @param maximum after this long no further slice starts
 */
public record WarmUp(long records, Duration minimum, Duration maximum) {

  /** The length of one warm-up slice at the steady rate. */
  public static final Duration SLICE = Duration.ofSeconds(10);

  /** The JIT's compile time in a slice, as a share of {@link #SLICE}, at most which it is quiet. */
  public static final double SETTLED_SHARE = 0.10;

  /** How many quiet slices in a row make the JIT settled. */
  public static final int SETTLED_SLICES = 2;

  /** The default: at least 60 s, no slice started after 300 s, until the JIT settles. */
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
            "slices of %d s at the steady rate until the JIT's compile time is at most %.0f %% of"
                + " a slice in %d in a row, at least %d s, no slice started after %d s",
            SLICE.toSeconds(),
            100 * SETTLED_SHARE,
            SETTLED_SLICES,
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
   * @param settled whether the JIT settled; null for a fixed warm-up, which does not wait for it
   */
  public record Outcome(
      Map<String, Double> lastSlice, int slices, double seconds, Boolean settled) {

    /**
     * What the report's {@code warm_up} says of it: seconds, slices, whether the JIT settled (left
     * out when fixed) and the last slice's JIT time.
     */
    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("seconds", seconds);
      json.put("slices", slices);
      if (settled != null) {
        json.put("jit_settled", settled);
      }
      json.put("last_slice_jit_ms", lastSlice.get("jit_ms"));
      return json;
    }

    /** One line for the bench's output. */
    public String describe() {
      double jit = lastSlice.getOrDefault("jit_ms", Double.NaN) / 1000;
      String done =
          String.format(
              Locale.ROOT, "%.0f s in %d slice%s", seconds, slices, slices == 1 ? "" : "s");
      if (settled == null) {
        return String.format(Locale.ROOT, "warm-up: %s (fixed), the JIT %.1f s in it", done, jit);
      }
      return settled
          ? String.format(
              Locale.ROOT, "warm-up: %s until the JIT settled, %.1f s in the last", done, jit)
          : String.format(
              Locale.ROOT,
              "warm-up: stopped after %s; the JIT had not settled (%.1f s in the last slice)",
              done,
              jit);
    }
  }

  /**
   * Warms up: one slice of {@link #records} when fixed; otherwise slices of {@link #SLICE} at
   * {@code tps} until the JIT has settled past {@link #minimum}, or {@link #maximum} has passed.
   *
   * @param clock nanoseconds, as {@link System#nanoTime}
   */
  public Outcome run(double tps, Slice slice, LongSupplier clock) throws Exception {
    long start = clock.getAsLong();
    if (isFixed()) {
      Map<String, Double> figures = slice.run(1, records);
      return new Outcome(figures, 1, (clock.getAsLong() - start) / 1e9, null);
    }
    long sliceRecords = Math.max(1, Math.round(SLICE.toMillis() / 1000.0 * tps));
    double quietMillis = SETTLED_SHARE * SLICE.toMillis();
    int quiet = 0;
    for (int n = 1; ; n++) {
      Map<String, Double> figures = slice.run(n, sliceRecords);
      Duration elapsed = Duration.ofNanos(clock.getAsLong() - start);
      // A missing figure (NaN) is never quiet.
      quiet = figures.getOrDefault("jit_ms", Double.NaN) <= quietMillis ? quiet + 1 : 0;
      boolean settled = quiet >= SETTLED_SLICES;
      if ((settled && elapsed.compareTo(minimum) >= 0) || elapsed.compareTo(maximum) >= 0) {
        return new Outcome(figures, n, elapsed.toNanos() / 1e9, settled);
      }
    }
  }
}
