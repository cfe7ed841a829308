package io.streamsentinel.detection;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values of every {@link Feature} for one transaction. Immutable. */
public final class FeatureVector {

  private final double[] values;

  private FeatureVector(double[] values) {
    this.values = values;
  }

  /**
   * A vector holding a copy of the values, indexed by {@link Feature#ordinal()}.
   *
   * @throws IllegalArgumentException unless there are exactly {@link Feature#COUNT} values
   */
  public static FeatureVector of(double[] values) {
    if (values.length != Feature.COUNT) {
      throw new IllegalArgumentException(
          "expected " + Feature.COUNT + " feature values but got " + values.length);
    }
    return new FeatureVector(values.clone());
  }

  /** Takes ownership of an array nobody else holds: the extractor's fresh one, without a copy. */
  static FeatureVector wrap(double[] values) {
    return new FeatureVector(values);
  }

  /** The value of a feature. */
  public double get(Feature feature) {
    return values[feature.ordinal()];
  }

  /** The value at {@link Feature#ordinal()} {@code index}: the hot path's accessor. */
  public double get(int index) {
    return values[index];
  }

  /** A copy of the values, indexed by {@link Feature#ordinal()}. */
  public double[] toArray() {
    return values.clone();
  }

  /** The values by wire name, in {@link Feature} order; for output, not for the hot path. */
  public Map<String, Double> byWireName() {
    Map<String, Double> named = new LinkedHashMap<>();
    for (Feature feature : Feature.values()) {
      named.put(feature.wireName(), values[feature.ordinal()]);
    }
    return named;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeatureVector that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "FeatureVector" + byWireName();
  }
}
