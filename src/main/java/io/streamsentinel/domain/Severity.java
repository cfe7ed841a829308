package io.streamsentinel.domain;

/** How bad a decision is, by score tier. Ordered from the most to the least severe. */
public enum Severity {
  CRITICAL(0.9),
  HIGH(0.7),
  MEDIUM(0.5),
  LOW(0.3),
  MINIMAL(0.0);

  private static final Severity[] MOST_SEVERE_FIRST = values();

  private final double minScore;

  Severity(double minScore) {
    this.minScore = minScore;
  }

  /** The lowest score of this tier, inclusive. */
  public double minScore() {
    return minScore;
  }

  /** The tier of a score in [0, 1]. */
  public static Severity of(double score) {
    for (Severity severity : MOST_SEVERE_FIRST) {
      if (score >= severity.minScore) {
        return severity;
      }
    }
    return MINIMAL;
  }
}
