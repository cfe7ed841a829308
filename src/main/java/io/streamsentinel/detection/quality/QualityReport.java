package io.streamsentinel.detection.quality;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Detection quality of a run of decisions at one alert threshold.
 *
 * @param threshold scores at or above it count as alerts
 * @param overall all decisions
 * @param auc ROC AUC of the score for fraud against legitimate; NaN when either class is empty
 * @param perPattern by {@code fraud_pattern}, sorted by name; see {@link PatternQuality}
 */
public record QualityReport(
    double threshold, ConfusionMatrix overall, double auc, Map<String, PatternQuality> perPattern) {

  public QualityReport {
    perPattern = Collections.unmodifiableMap(new TreeMap<>(perPattern));
  }

  /** Decisions evaluated. */
  public long decisions() {
    return overall.total();
  }

  /** Overall precision. */
  public double precision() {
    return overall.precision();
  }

  /** Overall recall. */
  public double recall() {
    return overall.recall();
  }

  /** Overall F1. */
  public double f1() {
    return overall.f1();
  }
}
