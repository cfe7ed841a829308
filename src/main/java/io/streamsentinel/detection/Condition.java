package io.streamsentinel.detection;

import java.util.Objects;

/**
 * One test of a rule: {@code feature op threshold}, e.g. {@code tx_count_1m >= 5}; crisp, or graded
 * with a {@code full} value.
 *
 * <p>A graded condition holds by degrees: its grade rises linearly from 0 at {@code threshold} to 1
 * at {@code full} and stays 1 beyond ({@code amount_zscore >= 2, full 8}: a z-score of 5 holds by
 * half). A crisp one holds fully or not at all. A rule weighs in with the product of its
 * conditions' grades, so an amount slightly above a user's usual counts a little and a far larger
 * one counts fully, instead of a cliff at one threshold.
 *
 * @param feature never null
 * @param op never null
 * @param threshold a finite number
 * @param full NaN for a crisp condition; else finite and beyond {@code threshold} in the direction
 *     of {@code op} (above it for {@code >} and {@code >=}, below it for {@code <} and {@code <=});
 *     {@code ==} cannot be graded
 */
public record Condition(Feature feature, Comparison op, double threshold, double full) {

  public Condition {
    if (feature == null) {
      throw new InvalidRuleException("feature", "missing");
    }
    if (op == null) {
      throw new InvalidRuleException("op", "missing");
    }
    if (!Double.isFinite(threshold)) {
      throw new InvalidRuleException("threshold", "must be a finite number but was " + threshold);
    }
    if (!Double.isNaN(full)) {
      boolean beyond =
          switch (op) {
            case GREATER, GREATER_OR_EQUAL -> full > threshold;
            case LESS, LESS_OR_EQUAL -> full < threshold;
            case EQUAL -> false;
          };
      if (!Double.isFinite(full) || !beyond) {
        throw new InvalidRuleException(
            "full",
            op == Comparison.EQUAL
                ? "an == condition cannot be graded"
                : "must be a finite number "
                    + (op == Comparison.LESS || op == Comparison.LESS_OR_EQUAL ? "below" : "above")
                    + " the threshold "
                    + DetailTemplate.formatNumber(threshold)
                    + " but was "
                    + full);
      }
    }
  }

  /** A crisp condition. */
  public Condition(Feature feature, Comparison op, double threshold) {
    this(feature, op, threshold, Double.NaN);
  }

  /** Whether it holds by degrees. */
  public boolean graded() {
    return !Double.isNaN(full);
  }

  /**
   * How far {@code value} meets this condition, in [0, 1]: 0 when the comparison fails, 1 when a
   * crisp one holds, and for a graded one the linear ramp from {@code threshold} to {@code full}.
   */
  public static double grade(Comparison op, double threshold, double full, double value) {
    if (!op.test(value, threshold)) {
      return 0;
    }
    if (Double.isNaN(full)) {
      return 1;
    }
    return Math.min(1, (value - threshold) / (full - threshold));
  }

  /** Whether the condition holds for these feature values. */
  public boolean holds(FeatureVector features) {
    Objects.requireNonNull(features, "features");
    return op.test(features.get(feature), threshold);
  }

  @Override
  public String toString() {
    String crisp =
        feature.wireName() + " " + op.symbol() + " " + DetailTemplate.formatNumber(threshold);
    return graded() ? crisp + " (fully at " + DetailTemplate.formatNumber(full) + ")" : crisp;
  }
}
