package io.streamsentinel.analytics;

import io.streamsentinel.detection.quality.QualityReport;
import java.util.Objects;

/**
 * Detection quality of one model group's labelled decisions, by the final score and by the rules'
 * own score: how much the model adds on exactly the decisions it scored.
 *
 * @param score quality of the final score
 * @param rulesScore quality of the rules' score; the same as {@code score} for {@link
 *     ModelScoreCell#RULES_ONLY}
 */
public record ModelQuality(QualityReport score, QualityReport rulesScore) {

  public ModelQuality {
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(rulesScore, "rulesScore");
  }
}
