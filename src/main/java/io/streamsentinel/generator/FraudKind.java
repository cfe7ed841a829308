package io.streamsentinel.generator;

/**
 * A kind of injected fraud, whichever world it belongs to: what its events are labelled with in
 * {@code fraud_pattern} and how many labelled events one occurrence produces (uniformly between the
 * bounds), which is what the planners need to hit the configured fraud rate.
 */
public interface FraudKind {

  /** The snake_case wire name, e.g. {@code card_testing}. */
  String wireName();

  /** Fewest labelled events one occurrence produces. */
  int minEvents();

  /** Most labelled events one occurrence produces. */
  int maxEvents();

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
