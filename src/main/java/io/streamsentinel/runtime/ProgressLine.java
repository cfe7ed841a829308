package io.streamsentinel.runtime;

import java.time.Duration;
import java.util.Locale;

/**
 * The one shape of the once-a-second progress lines of long phases (generate, evaluate, bench
 * pre-loads and drains): elapsed time, what is counted, done of total, percent, rate and time left,
 * e.g. {@code [ 12s] reading fraud-scores: 500/2,000 offsets 25% (250/s) ETA 6s}. Callers append
 * their own fields after it, two spaces apart.
 */
public final class ProgressLine {

  private ProgressLine() {}

  /**
   * A phase with a known total: {@code [ 12s] what done/total unit pct% (rate/s) ETA 5s}; the ETA
   * is {@code ?} until there is a rate, and an empty total counts as done.
   *
   * @param unit what is counted, or empty
   * @param perSecond the rate the caller measures (over the last interval, or since the start)
   */
  public static String of(
      double elapsedSeconds, String what, long done, long total, String unit, double perSecond) {
    return String.format(
        Locale.ROOT,
        "%s %s %,d/%,d%s %.0f%% (%,.0f/s) ETA %s",
        elapsed(elapsedSeconds),
        what,
        done,
        total,
        unit.isEmpty() ? "" : " " + unit,
        total == 0 ? 100.0 : 100.0 * done / total,
        perSecond,
        perSecond > 0 ? seconds((total - done) / perSecond) : "?");
  }

  /** A phase that runs until stopped: {@code [ 12s] what done unit (rate/s)}. */
  public static String open(
      double elapsedSeconds, String what, long done, String unit, double perSecond) {
    return String.format(
        Locale.ROOT,
        "%s %s %,d%s (%,.0f/s)",
        elapsed(elapsedSeconds),
        what,
        done,
        unit.isEmpty() ? "" : " " + unit,
        perSecond);
  }

  /**
   * A phase that runs for a planned time: {@link #open} followed by {@code 12s/60s 20% ETA 48s}.
   */
  public static String timed(
      double elapsedSeconds,
      String what,
      long done,
      String unit,
      double perSecond,
      Duration planned) {
    double plannedSeconds = planned.toMillis() / 1000.0;
    return String.format(
        Locale.ROOT,
        "%s %s/%s %.0f%% ETA %s",
        open(elapsedSeconds, what, done, unit, perSecond),
        seconds(elapsedSeconds),
        seconds(plannedSeconds),
        Math.min(100, 100 * elapsedSeconds / plannedSeconds),
        seconds(Math.max(0, plannedSeconds - elapsedSeconds)));
  }

  private static String elapsed(double seconds) {
    return String.format(Locale.ROOT, "[%5.0fs]", seconds);
  }

  private static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.0fs", seconds);
  }
}
