package io.streamsentinel.detection;

/**
 * Lifetime statistics of a user's amounts: count, running mean and variance (Welford's update,
 * numerically stable in one pass) in currency units, and the largest amount in cents.
 *
 * @param count transactions seen, &ge; 0
 * @param mean mean amount in currency units; 0 when {@code count} is 0
 * @param sumSquaredDeviations Welford's M2: the sum of squared deviations from the mean
 * @param maxCents largest amount in cents; 0 when {@code count} is 0
 */
public record AmountStats(long count, double mean, double sumSquaredDeviations, long maxCents) {

  /** Nothing seen yet. */
  public static final AmountStats EMPTY = new AmountStats(0, 0.0, 0.0, 0);

  public AmountStats {
    if (count < 0 || maxCents < 0 || !(sumSquaredDeviations >= 0) || !Double.isFinite(mean)) {
      throw new IllegalArgumentException(
          "inconsistent amount statistics: count="
              + count
              + " mean="
              + mean
              + " m2="
              + sumSquaredDeviations
              + " maxCents="
              + maxCents);
    }
  }

  /** These statistics with one more amount. */
  public AmountStats plus(long amountCents) {
    double amount = amountCents / Cents.PER_UNIT;
    long n = count + 1;
    double delta = amount - mean;
    double nextMean = mean + delta / n;
    double m2 = sumSquaredDeviations + delta * (amount - nextMean);
    return new AmountStats(n, nextMean, m2, Math.max(maxCents, amountCents));
  }

  /** Sample standard deviation in currency units; 0 with fewer than two amounts. */
  public double standardDeviation() {
    return count < 2 ? 0.0 : Math.sqrt(sumSquaredDeviations / (count - 1));
  }

  /** The largest amount in currency units. */
  public double max() {
    return maxCents / Cents.PER_UNIT;
  }
}
