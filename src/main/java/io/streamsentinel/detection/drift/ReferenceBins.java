package io.streamsentinel.detection.drift;

import java.util.Arrays;

/**
 * One input's (or the score's) reference histogram: quantile bins of the training distribution and
 * the share of training rows in each.
 *
 * <p>Bin {@code i < cuts.length} holds the values in {@code (cuts[i-1], cuts[i]]} (the first from
 * minus infinity), bin {@code cuts.length} the values above the last cut, and the last bin, {@code
 * cuts.length + 1}, NaN (a value the detector could not compute). Cuts are the training
 * distribution's deciles with equal ones merged, so a 0/1 flag keeps its zeros in {@code (-inf, 0]}
 * and its ones in the bin above, and a count with a heavy mass at one value keeps that value in one
 * bin rather than split across several.
 *
 * @param cuts strictly increasing finite upper edges; copied in and out
 * @param fractions the share of reference rows per bin, {@code cuts.length + 2} of them summing to
 *     1; copied in and out
 */
public record ReferenceBins(double[] cuts, double[] fractions) {

  /** Quantile bins per input: deciles, so each holds about a tenth of the reference rows. */
  public static final int QUANTILES = 10;

  private static final double SUM_TOLERANCE = 1e-6;

  public ReferenceBins {
    cuts = cuts.clone();
    fractions = fractions.clone();
    for (int i = 0; i < cuts.length; i++) {
      if (!Double.isFinite(cuts[i]) || (i > 0 && cuts[i] <= cuts[i - 1])) {
        throw new IllegalArgumentException(
            "cuts must be finite and strictly increasing: " + Arrays.toString(cuts));
      }
    }
    if (fractions.length != cuts.length + 2) {
      throw new IllegalArgumentException(
          "expected " + (cuts.length + 2) + " fractions, got " + fractions.length);
    }
    double sum = 0;
    for (double f : fractions) {
      if (!(f >= 0 && f <= 1)) {
        throw new IllegalArgumentException(
            "fractions must be in [0, 1]: " + Arrays.toString(fractions));
      }
      sum += f;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException("fractions must sum to 1, not " + sum);
    }
  }

  /**
   * The bins of a reference sample.
   *
   * @param values the training rows' values; not changed; NaN counts in the NaN bin
   * @throws IllegalArgumentException when there are no values
   */
  public static ReferenceBins of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a reference needs at least one value");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted); // NaN sorts last
    int n = 0;
    while (n < sorted.length && !Double.isNaN(sorted[n])) {
      n++;
    }
    double[] cuts = new double[QUANTILES];
    int count = 0;
    for (int q = 1; q < QUANTILES && n > 0; q++) {
      double cut = sorted[(int) Math.ceil((double) q * n / QUANTILES) - 1];
      if (Double.isFinite(cut) && (count == 0 || cut > cuts[count - 1])) {
        cuts[count++] = cut;
      }
    }
    cuts = Arrays.copyOf(cuts, count);
    long[] counts = new long[count + 2];
    for (double v : values) {
      counts[bin(cuts, v)]++;
    }
    double[] fractions = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      fractions[i] = (double) counts[i] / values.length;
    }
    return new ReferenceBins(cuts, fractions);
  }

  /** The number of bins, the NaN bin included. */
  public int size() {
    return cuts.length + 2;
  }

  /** The bin of {@code value}; no allocation. */
  public int bin(double value) {
    return bin(cuts, value);
  }

  /**
   * The number of cuts below {@code value}, counted without a branch per cut: with at most nine
   * cuts a linear count beats a binary search, whose every step is a branch the processor cannot
   * predict (JMH {@code DriftBenchmark}).
   */
  static int bin(double[] cuts, double value) {
    if (Double.isNaN(value)) {
      return cuts.length + 1;
    }
    int below = 0;
    for (double cut : cuts) {
      below += cut < value ? 1 : 0;
    }
    return below;
  }

  @Override
  public double[] cuts() {
    return cuts.clone();
  }

  @Override
  public double[] fractions() {
    return fractions.clone();
  }

  /** The share of reference rows in bin {@code index}, without a copy. */
  public double fraction(int index) {
    return fractions[index];
  }

  /** The cuts without a copy, for the window's lookups; never written to. */
  double[] sharedCuts() {
    return cuts;
  }

  // A record compares arrays by identity; bins are values.
  @Override
  public boolean equals(Object other) {
    return other instanceof ReferenceBins b
        && Arrays.equals(cuts, b.cuts)
        && Arrays.equals(fractions, b.fractions);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(cuts) + Arrays.hashCode(fractions);
  }

  @Override
  public String toString() {
    return "ReferenceBins[cuts "
        + Arrays.toString(cuts)
        + ", fractions "
        + Arrays.toString(fractions)
        + "]";
  }
}
