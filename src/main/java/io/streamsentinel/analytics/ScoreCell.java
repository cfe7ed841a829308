package io.streamsentinel.analytics;

import java.util.Comparator;

/**
 * A cell of the score histogram: labelled detection decisions with the same score, label and
 * pattern.
 *
 * @param pattern the fraud pattern label; empty (never null) for legitimate transactions and for
 *     frauds without a pattern
 */
public record ScoreCell(double score, boolean fraud, String pattern)
    implements Comparable<ScoreCell> {

  private static final Comparator<ScoreCell> ORDER =
      Comparator.comparingDouble(ScoreCell::score)
          .thenComparing(ScoreCell::fraud)
          .thenComparing(ScoreCell::pattern);

  public ScoreCell {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
    }
    pattern = !fraud || pattern == null ? "" : pattern.strip();
  }

  @Override
  public int compareTo(ScoreCell o) {
    return ORDER.compare(this, o);
  }
}
