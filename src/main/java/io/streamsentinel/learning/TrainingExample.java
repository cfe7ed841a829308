package io.streamsentinel.learning;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * One labelled decision of a point-in-time training set: the features exactly as the detector
 * computed them when it decided, never recomputed, so nothing the detector learned later can leak
 * into them.
 *
 * @param transactionId never null
 * @param eventTime the transaction's event time; never null
 * @param features the decision's feature values in the order of {@link TrainingSet#FEATURE_NAMES}
 *     ({@code detection.Feature} order); copied in and out
 * @param fraud the latest label of the transaction
 * @param ruleScore the rules' own score in the decision, to compare a model with
 * @param merchantCategory as the decision carried it; may be null
 * @param channel the channel's wire name as the decision carried it; may be null
 */
public record TrainingExample(
    String transactionId,
    Instant eventTime,
    double[] features,
    boolean fraud,
    double ruleScore,
    String merchantCategory,
    String channel) {

  public TrainingExample {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(eventTime, "eventTime");
    if (features.length != TrainingSet.FEATURE_NAMES.size()) {
      throw new IllegalArgumentException(
          "features: expected " + TrainingSet.FEATURE_NAMES.size() + ", got " + features.length);
    }
    features = features.clone();
  }

  /** A copy: the example stays immutable. */
  @Override
  public double[] features() {
    return features.clone();
  }

  /** The value at {@code index} of {@link TrainingSet#FEATURE_NAMES}, without a copy. */
  public double feature(int index) {
    return features[index];
  }

  /** The UTC hour of day (0 to 23) of the event time. */
  public int hourOfDay() {
    return eventTime.atOffset(ZoneOffset.UTC).getHour();
  }

  // A record compares arrays by identity; an example is a value, so compare their contents.
  @Override
  public boolean equals(Object other) {
    return other instanceof TrainingExample e
        && transactionId.equals(e.transactionId)
        && eventTime.equals(e.eventTime)
        && Arrays.equals(features, e.features)
        && fraud == e.fraud
        && Double.compare(ruleScore, e.ruleScore) == 0
        && Objects.equals(merchantCategory, e.merchantCategory)
        && Objects.equals(channel, e.channel);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transactionId, eventTime, Arrays.hashCode(features), fraud, ruleScore);
  }

  @Override
  public String toString() {
    return "TrainingExample[" + transactionId + " at " + eventTime + ", fraud=" + fraud + "]";
  }
}
