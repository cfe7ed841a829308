package io.streamsentinel.detection;

import java.util.Objects;

/**
 * One test of a rule: {@code feature op threshold}, e.g. {@code tx_count_1m >= 5}.
 *
 * @param feature never null
 * @param op never null
 * @param threshold a finite number
 */
public record Condition(Feature feature, Comparison op, double threshold) {

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
  }

  /** Whether the condition holds for these feature values. */
  public boolean holds(FeatureVector features) {
    Objects.requireNonNull(features, "features");
    return op.test(features.get(feature), threshold);
  }

  @Override
  public String toString() {
    return feature.wireName() + " " + op.symbol() + " " + DetailTemplate.formatNumber(threshold);
  }
}
