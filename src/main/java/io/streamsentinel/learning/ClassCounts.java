package io.streamsentinel.learning;

import java.util.List;

/** How many examples of each class a part of a training set holds. */
public record ClassCounts(long fraud, long legit) {

  static ClassCounts of(List<TrainingExample> examples) {
    long fraud = examples.stream().filter(TrainingExample::fraud).count();
    return new ClassCounts(fraud, examples.size() - fraud);
  }

  public long total() {
    return fraud + legit;
  }
}
