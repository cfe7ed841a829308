package io.streamsentinel.detection.quality;

/**
 * Counts of decisions by label and by whether they raised an alert. A ratio whose denominator is
 * zero (no alerts, no frauds) is reported as 0, the usual convention, rather than NaN.
 */
public record ConfusionMatrix(
    long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

  public ConfusionMatrix {
    if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException("negative count in confusion matrix");
    }
  }

  /** All decisions counted. */
  public long total() {
    return truePositives + falsePositives + trueNegatives + falseNegatives;
  }

  /** Labelled frauds. */
  public long positives() {
    return truePositives + falseNegatives;
  }

  /** Alerts raised. */
  public long alerts() {
    return truePositives + falsePositives;
  }

  /** Share of alerts that were fraud. */
  public double precision() {
    return ratio(truePositives, alerts());
  }

  /** Share of frauds that raised an alert. */
  public double recall() {
    return ratio(truePositives, positives());
  }

  /** Harmonic mean of precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
