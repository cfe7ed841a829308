package io.streamsentinel.analytics;

import java.math.BigDecimal;

/**
 * What one bucket of a dimension holds. Every decision counts in {@code transactions} and {@code
 * amountSum}; one on an already-blocked account only in {@code enforcement} besides; the other
 * columns count the labelled detection decisions ({@code evaluated}), as {@code sentinel evaluate}
 * does.
 *
 * @param transactions decisions in the bucket (volume)
 * @param amountSum sum of their amounts; never null
 * @param enforcement decisions on accounts already blocked (reason ACCOUNT_BLOCKED)
 * @param evaluated labelled decisions that are not enforcement
 * @param labelledFraud evaluated decisions labelled fraud
 * @param alerts evaluated decisions at or above the alert threshold
 * @param trueAlerts alerts labelled fraud
 */
public record BucketCounts(
    long transactions,
    BigDecimal amountSum,
    long enforcement,
    long evaluated,
    long labelledFraud,
    long alerts,
    long trueAlerts) {

  public static final BucketCounts ZERO = new BucketCounts(0, BigDecimal.ZERO, 0, 0, 0, 0, 0);

  public BucketCounts {
    if (amountSum == null) {
      throw new IllegalArgumentException("amountSum is required");
    }
  }

  public BucketCounts plus(BucketCounts o) {
    return new BucketCounts(
        transactions + o.transactions,
        amountSum.add(o.amountSum),
        enforcement + o.enforcement,
        evaluated + o.evaluated,
        labelledFraud + o.labelledFraud,
        alerts + o.alerts,
        trueAlerts + o.trueAlerts);
  }

  /** Share of evaluated decisions labelled fraud; 0 when none were evaluated. */
  public double fraudRate() {
    return ratio(labelledFraud, evaluated);
  }

  /** Share of evaluated decisions that raised an alert. */
  public double alertRate() {
    return ratio(alerts, evaluated);
  }

  /** Share of alerts labelled fraud; 0 when there were no alerts. */
  public double precision() {
    return ratio(trueAlerts, alerts);
  }

  /** Share of labelled frauds that raised an alert. */
  public double recall() {
    return ratio(trueAlerts, labelledFraud);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
