package io.streamsentinel.detection;

/** Test vocabulary: feature vectors with only the named values set, {@code Features.of(A, 1.0)}. */
final class Features {

  private Features() {}

  /** A vector of zeros except for the given (feature, value) pairs. */
  static FeatureVector of(Object... featureValuePairs) {
    double[] values = new double[Feature.COUNT];
    for (int i = 0; i < featureValuePairs.length; i += 2) {
      Feature feature = (Feature) featureValuePairs[i];
      values[feature.ordinal()] = ((Number) featureValuePairs[i + 1]).doubleValue();
    }
    return FeatureVector.of(values);
  }
}
