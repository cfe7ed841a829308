package io.streamsentinel.analytics;

import java.util.Comparator;
import java.util.Objects;

/**
 * A cell of the per-model score histogram: labelled detection decisions of one model group with the
 * same score (by one scorer), label and pattern.
 *
 * @param group the model in force when they were decided, or {@link #RULES_ONLY}; never null
 * @param scoredBy which of their scores {@code cell} holds
 * @param cell the score, label and pattern
 */
public record ModelScoreCell(String group, ScoredBy scoredBy, ScoreCell cell)
    implements Comparable<ModelScoreCell> {

  /** The group of decisions made while no model was in force. */
  public static final String RULES_ONLY = "rules only";

  private static final Comparator<ModelScoreCell> ORDER =
      Comparator.comparing(ModelScoreCell::group)
          .thenComparing(ModelScoreCell::scoredBy)
          .thenComparing(ModelScoreCell::cell);

  public ModelScoreCell {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(scoredBy, "scoredBy");
    Objects.requireNonNull(cell, "cell");
  }

  /** The group of a decision by the model in force when it was decided (null: none). */
  public static String groupOf(String modelVersion) {
    return modelVersion == null ? RULES_ONLY : modelVersion;
  }

  @Override
  public int compareTo(ModelScoreCell o) {
    return ORDER.compare(this, o);
  }
}
