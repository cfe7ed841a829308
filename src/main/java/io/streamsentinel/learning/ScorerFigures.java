package io.streamsentinel.learning;

import io.streamsentinel.detection.quality.ConfusionMatrix;
import io.streamsentinel.detection.quality.Ranking;

/**
 * One scorer's figures on a holdout.
 *
 * @param rocAuc NaN when a class is missing
 * @param prAuc average precision
 * @param precisionAtThreshold precision of alerting at the alert threshold
 * @param recallAtThreshold recall of alerting at the alert threshold
 * @param precisionAtTargetRecall precision where recall first reaches the target recall
 * @param thresholdAtTargetRecall the score threshold of that operating point
 */
public record ScorerFigures(
    double rocAuc,
    double prAuc,
    double precisionAtThreshold,
    double recallAtThreshold,
    double precisionAtTargetRecall,
    double thresholdAtTargetRecall) {

  static ScorerFigures of(Ranking ranking, double alertThreshold, double targetRecall) {
    ConfusionMatrix atThreshold = ranking.at(alertThreshold);
    return new ScorerFigures(
        ranking.rocAuc(),
        ranking.prAuc(),
        atThreshold.precision(),
        atThreshold.recall(),
        ranking.precisionAtRecall(targetRecall),
        ranking.thresholdForRecall(targetRecall));
  }
}
