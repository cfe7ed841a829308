package io.streamsentinel.learning;

import java.util.List;

/**
 * How a trained model did on the held-out later part of its training set, next to the rules' own
 * scores on the same decisions.
 *
 * @param training class counts of the part trained on
 * @param holdout class counts of the held-out part
 * @param alertThreshold the threshold the at-threshold figures use
 * @param targetRecall the recall of the at-recall figures, e.g. 0.8
 * @param model the model's figures
 * @param rules the rules' figures
 * @param topInputs the inputs with the largest mean absolute contribution on the holdout, largest
 *     first
 */
public record HoldoutReport(
    ClassCounts training,
    ClassCounts holdout,
    double alertThreshold,
    double targetRecall,
    ScorerFigures model,
    ScorerFigures rules,
    List<InputWeight> topInputs) {

  /** An input and its mean absolute contribution to the margin, in log odds. */
  public record InputWeight(String input, double meanAbsContribution) {}

  public HoldoutReport {
    topInputs = List.copyOf(topInputs);
  }

  /** Whether the model ranks the holdout better than the rules, on both ROC AUC and PR-AUC. */
  public boolean modelBeatsRules() {
    return model.rocAuc() > rules.rocAuc() && model.prAuc() > rules.prAuc();
  }
}
