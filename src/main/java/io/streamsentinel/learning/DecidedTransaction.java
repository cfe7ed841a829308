package io.streamsentinel.learning;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.detection.Feature;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a decision in {@code fraud-scores} says about its transaction at decision time: the parts a
 * training example takes from it.
 *
 * @param features in {@code Feature} order; copied in and out
 * @param merchantCategory may be null
 * @param channel may be null
 */
public record DecidedTransaction(
    String transactionId,
    Instant eventTime,
    double[] features,
    double ruleScore,
    String merchantCategory,
    String channel) {

  private static final JsonFactory JSON = new JsonFactory();

  public DecidedTransaction {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(eventTime, "eventTime");
    if (features.length != Feature.COUNT) {
      throw new IllegalArgumentException(
          "features: expected " + Feature.COUNT + ", got " + features.length);
    }
    features = features.clone();
  }

  @Override
  public double[] features() {
    return features.clone();
  }

  /**
   * The decision's own features, by name into {@code Feature} order. Names this build does not know
   * are ignored (a newer detector may carry more); a missing one is an error, since recomputing it
   * would not be point-in-time.
   *
   * @throws IllegalArgumentException naming the feature when one is missing or not a number
   */
  public static DecidedTransaction of(DecisionDocument d) {
    return new DecidedTransaction(
        d.transactionId(),
        d.eventTime(),
        features(d.featuresJson()),
        d.rulesScore(),
        d.merchantCategory(),
        d.channel());
  }

  TrainingExample labelled(boolean fraud) {
    return new TrainingExample(
        transactionId, eventTime, features, fraud, ruleScore, merchantCategory, channel);
  }

  static double[] features(String json) {
    double[] values = new double[Feature.COUNT];
    boolean[] seen = new boolean[Feature.COUNT];
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("features: must be an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        int index = indexOf(name);
        if (index < 0) {
          p.skipChildren();
          continue;
        }
        if (!value.isNumeric()) {
          throw new IllegalArgumentException("features." + name + ": must be a number");
        }
        values[index] = p.getDoubleValue();
        seen[index] = true;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("features: not JSON: " + e.getMessage(), e);
    }
    for (Feature f : Feature.values()) {
      if (!seen[f.ordinal()]) {
        throw new IllegalArgumentException("features." + f.wireName() + ": missing");
      }
    }
    return values;
  }

  private static int indexOf(String name) {
    try {
      return Feature.fromWire(name).ordinal();
    } catch (IllegalArgumentException unknown) {
      return -1;
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DecidedTransaction d
        && transactionId.equals(d.transactionId)
        && eventTime.equals(d.eventTime)
        && Arrays.equals(features, d.features)
        && Double.compare(ruleScore, d.ruleScore) == 0
        && Objects.equals(merchantCategory, d.merchantCategory)
        && Objects.equals(channel, d.channel);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transactionId, eventTime, Arrays.hashCode(features), ruleScore);
  }

  @Override
  public String toString() {
    return "DecidedTransaction[" + transactionId + " at " + eventTime + "]";
  }
}
