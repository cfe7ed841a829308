package io.streamsentinel.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's input schema: the names of its inputs in row order, each one a {@link Feature} (by wire
 * name) or {@link #HOUR_OF_DAY}, the UTC hour of the event time. The schema travels with the model,
 * so a detector can tell whether it can feed a model before it uses it. Immutable.
 */
public final class ModelInputs {

  /** The UTC hour of day (0 to 23) of the transaction's event time. */
  public static final String HOUR_OF_DAY = "hour_of_day";

  /** The most inputs a schema may have. */
  public static final int MAX_SIZE = 64;

  private static final int HOUR_SLOT = -1;
  private static final long SECONDS_PER_DAY = 86_400;
  private static final long SECONDS_PER_HOUR = 3_600;

  private final List<String> names;
  private final int[] slots;

  private ModelInputs(List<String> names, int[] slots) {
    this.names = names;
    this.slots = slots;
  }

  /**
   * The schema with these input names.
   *
   * @throws IllegalArgumentException naming the first input the detector cannot compute, or a
   *     repeated one
   */
  public static ModelInputs of(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one input");
    }
    if (names.size() > MAX_SIZE) {
      throw new IllegalArgumentException(
          "a model may have at most " + MAX_SIZE + " inputs, not " + names.size());
    }
    int[] slots = new int[names.size()];
    for (int i = 0; i < slots.length; i++) {
      String name = names.get(i);
      if (names.subList(0, i).contains(name)) {
        throw new IllegalArgumentException("input '" + name + "' is listed twice");
      }
      if (HOUR_OF_DAY.equals(name)) {
        slots[i] = HOUR_SLOT;
      } else {
        try {
          slots[i] = Feature.fromWire(name).ordinal();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "input '" + name + "' is not a feature this detector computes", e);
        }
      }
    }
    return new ModelInputs(List.copyOf(names), slots);
  }

  /**
   * The inputs a model is trained on by default: every feature except the account's status, which
   * reflects this system's own earlier actions rather than the customer's behaviour (the hard rule
   * on a blocked account covers it), and the hour of day.
   */
  public static ModelInputs standard() {
    List<String> names = new ArrayList<>();
    for (Feature f : Feature.values()) {
      if (f != Feature.ACCOUNT_BLOCKED && f != Feature.STEP_UP_REQUIRED) {
        names.add(f.wireName());
      }
    }
    names.add(HOUR_OF_DAY);
    return of(names);
  }

  /** The input names in row order. */
  public List<String> names() {
    return names;
  }

  public int size() {
    return slots.length;
  }

  /** The feature behind input {@code index}, or null for {@link #HOUR_OF_DAY}. */
  public Feature feature(int index) {
    return slots[index] == HOUR_SLOT ? null : Feature.values()[slots[index]];
  }

  /**
   * Writes one row of inputs.
   *
   * @param features by {@link Feature#ordinal()}
   * @param row at least {@link #size()} long
   */
  public void fill(FeatureVector features, Instant eventTime, double[] row) {
    for (int i = 0; i < slots.length; i++) {
      row[i] = slots[i] == HOUR_SLOT ? hourOfDay(eventTime) : features.get(slots[i]);
    }
  }

  /** As {@link #fill(FeatureVector, Instant, double[])}, from values in {@link Feature} order. */
  public void fill(double[] features, Instant eventTime, double[] row) {
    for (int i = 0; i < slots.length; i++) {
      row[i] = slots[i] == HOUR_SLOT ? hourOfDay(eventTime) : features[slots[i]];
    }
  }

  private static double hourOfDay(Instant t) {
    return Math.floorMod(t.getEpochSecond(), SECONDS_PER_DAY) / SECONDS_PER_HOUR;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelInputs that && names.equals(that.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return "ModelInputs" + names;
  }
}
