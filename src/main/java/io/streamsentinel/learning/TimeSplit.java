package io.streamsentinel.learning;

import java.util.List;

/**
 * A training set cut by event time: every holdout example is strictly later than every training
 * example, so a model is judged on a future it never saw.
 *
 * @param training the earlier part, by event time then transaction id
 * @param holdout the later part, same order
 */
public record TimeSplit(List<TrainingExample> training, List<TrainingExample> holdout) {

  public TimeSplit {
    training = List.copyOf(training);
    holdout = List.copyOf(holdout);
  }

  public ClassCounts trainingCounts() {
    return ClassCounts.of(training);
  }

  public ClassCounts holdoutCounts() {
    return ClassCounts.of(holdout);
  }
}
