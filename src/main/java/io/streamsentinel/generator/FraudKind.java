package io.streamsentinel.generator;

import java.util.Locale;

/**
 * A kind of injected fraud, whichever world it belongs to: what its events are labelled with in
 * {@code fraud_pattern} and how many labelled events one occurrence produces (uniformly between the
 * bounds), which is what the planners need to hit the configured fraud rate.
 */
public interface FraudKind {

  /**
   * What every kind of fraud is: a name on the wire and how many labelled events one occurrence
   * produces. Each world's pattern enum holds one per constant, so the accessors below are written
   * once.
   *
   * @param wireName the snake_case wire name, e.g. {@code card_testing}
   * @param minEvents fewest labelled events one occurrence produces
   * @param maxEvents most
   */
  record Shape(String wireName, int minEvents, int maxEvents) {

    /** The shape of an enum constant, named by its lower-cased constant name. */
    public static Shape of(Enum<?> kind, int minEvents, int maxEvents) {
      return new Shape(kind.name().toLowerCase(Locale.ROOT), minEvents, maxEvents);
    }
  }

  /** The kind's name and length. */
  Shape shape();

  /** The snake_case wire name, e.g. {@code card_testing}. */
  default String wireName() {
    return shape().wireName();
  }

  /** Fewest labelled events one occurrence produces. */
  default int minEvents() {
    return shape().minEvents();
  }

  /** Most labelled events one occurrence produces. */
  default int maxEvents() {
    return shape().maxEvents();
  }

  /** Mean number of labelled events per occurrence (lengths are uniform between min and max). */
  default double meanEvents() {
    return (minEvents() + maxEvents()) / 2.0;
  }

  /**
   * The chance that a pattern starts after a normal event, for a target labelled share of all
   * events. With p patterns started per normal event and L labelled events per pattern on average
   * (kinds drawn uniformly), the labelled share is pL / (1 + pL); solving for p gives the rate.
   */
  static double startProbability(double fraudRate, FraudKind... kinds) {
    double total = 0;
    for (FraudKind kind : kinds) {
      total += kind.meanEvents();
    }
    double meanLength = total / kinds.length;
    return fraudRate / (meanLength * (1 - fraudRate));
  }

  /**
   * The kind among {@code kinds} with this wire name.
   *
   * @param what names the kinds in the message, e.g. {@code harbor fraud pattern}
   * @throws IllegalArgumentException when none has that name (also for null)
   */
  static <K extends FraudKind> K fromWire(K[] kinds, String value, String what) {
    for (K kind : kinds) {
      if (kind.wireName().equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + value + "'");
  }
}
