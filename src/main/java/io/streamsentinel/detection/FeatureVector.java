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

  /**
   * Takes ownership of an array nobody else holds: the extractor's fresh one, without a copy. The
   * values are rounded as decisions log them ({@link #logged}), so that what is scored live is
   * exactly what the log holds and a replay of a logged decision (backtest) reproduces its score.
   */
  static FeatureVector wrap(double[] values) {
    for (int i = 0; i < values.length; i++) {
      values[i] = logged(values[i]);
    }
    return new FeatureVector(values);
  }

  /**
   * A value as decisions log it: six decimals. Values that are not finite or not below {@link
   * #LOGGED_EXACT_ABOVE} in magnitude are logged as they are.
   */
  public static double logged(double v) {
    return Double.isFinite(v) && Math.abs(v) < LOGGED_EXACT_ABOVE ? Math.round(v * 1e6) / 1e6 : v;
  }

  /** From here on a value is logged unrounded: millionths of it would not fit a {@code long}. */
  public static final double LOGGED_EXACT_ABOVE = 1e12;

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
