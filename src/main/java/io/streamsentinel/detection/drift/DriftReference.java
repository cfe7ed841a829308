package io.streamsentinel.detection.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model's inputs and score looked like on the rows it was trained on: the reference the live
 * window is compared with. Computed once at training time and kept with the model version.
 *
 * @param rows the number of training rows it was computed on
 * @param score the bins of the model's probability on those rows
 * @param inputs the bins of each model input, by input name, in the model's input order
 */
public record DriftReference(long rows, ReferenceBins score, Map<String, ReferenceBins> inputs) {

  public DriftReference {
    Objects.requireNonNull(score, "score");
    if (rows < 1) {
      throw new IllegalArgumentException("a reference needs at least one row, not " + rows);
    }
    // Keeps the model's input order, which Map.copyOf would not.
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  /**
   * The reference of a training set.
   *
   * @param names the model's input names, in row order
   * @param rows the training rows' inputs, one array per row in {@code names} order
   * @param scores the model's probability on each row
   */
  public static DriftReference of(List<String> names, List<double[]> rows, double[] scores) {
    if (rows.size() != scores.length) {
      throw new IllegalArgumentException(rows.size() + " rows but " + scores.length + " scores");
    }
    Map<String, ReferenceBins> inputs = new LinkedHashMap<>();
    double[] column = new double[rows.size()];
    for (int j = 0; j < names.size(); j++) {
      for (int i = 0; i < column.length; i++) {
        column[i] = rows.get(i)[j];
      }
      inputs.put(names.get(j), ReferenceBins.of(column));
    }
    return new DriftReference(rows.size(), ReferenceBins.of(scores), inputs);
  }
}
