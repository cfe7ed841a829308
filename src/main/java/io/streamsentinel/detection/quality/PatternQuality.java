package io.streamsentinel.detection.quality;

/**
 * Detection quality for one fraud pattern. Legitimate transactions carry no pattern, so precision
 * is not defined per pattern on its own; here every figure is computed on the sub-population "all
 * legitimate transactions plus the frauds of this pattern": recall is the pattern's own, precision
 * is what an analyst would see if this were the only kind of fraud (every false alarm counts
 * against it, so it is a lower bound on its share of the real alert queue), and the AUC ranks the
 * pattern's frauds against all legitimate transactions.
 *
 * @param pattern the {@code fraud_pattern} label, or {@link DetectionQuality#UNSPECIFIED_PATTERN}
 * @param matrix true positives and false negatives of this pattern; false positives and true
 *     negatives of all legitimate transactions
 * @param auc ROC AUC of the pattern against all legitimate transactions; NaN if there are none
 */
public record PatternQuality(String pattern, ConfusionMatrix matrix, double auc) {

  /** Frauds of this pattern. */
  public long frauds() {
    return matrix.positives();
  }

  /** Frauds of this pattern that raised an alert. */
  public long detected() {
    return matrix.truePositives();
  }

  /** Share of this pattern's frauds that raised an alert. */
  public double recall() {
    return matrix.recall();
  }

  /** Precision as if this were the only pattern; see the class comment. */
  public double precision() {
    return matrix.precision();
  }

  /** F1 of {@link #precision()} and {@link #recall()}. */
  public double f1() {
    return matrix.f1();
  }
}
