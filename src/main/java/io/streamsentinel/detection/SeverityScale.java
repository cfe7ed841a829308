package io.streamsentinel.detection;

import io.streamsentinel.domain.Severity;

/**
 * The lowest score of each severity tier. The rules use {@link #STANDARD} (CRITICAL ≥ 0.9, HIGH ≥
 * 0.7, MEDIUM ≥ 0.5, LOW ≥ 0.3); a model version may carry its own, e.g. to keep the share of
 * CRITICAL decisions when its probabilities sit lower than the rules' scores.
 *
 * @param critical in (0, 1], at least {@code high}
 * @param high at least {@code medium}
 * @param medium at least {@code low}
 * @param low above 0
 */
public record SeverityScale(double critical, double high, double medium, double low) {

  public static final SeverityScale STANDARD =
      new SeverityScale(
          Severity.CRITICAL.minScore(),
          Severity.HIGH.minScore(),
          Severity.MEDIUM.minScore(),
          Severity.LOW.minScore());

  public SeverityScale {
    if (!(low > 0 && low <= medium && medium <= high && high <= critical && critical <= 1)) {
      throw new IllegalArgumentException(
          "severity thresholds must satisfy 0 < low <= medium <= high <= critical <= 1, got critical "
              + critical
              + ", high "
              + high
              + ", medium "
              + medium
              + ", low "
              + low);
    }
  }

  /** The tier of a score in [0, 1]. */
  public Severity of(double score) {
    if (score >= critical) {
      return Severity.CRITICAL;
    }
    if (score >= high) {
      return Severity.HIGH;
    }
    if (score >= medium) {
      return Severity.MEDIUM;
    }
    return score >= low ? Severity.LOW : Severity.MINIMAL;
  }
}
