package io.streamsentinel.detection;

/**
 * How likely a user is to transact in a given UTC hour: the user's own hour histogram, smoothed
 * over neighbouring hours (habits drift by an hour or so), blended with a generic daily curve as a
 * Dirichlet prior worth {@link #PRIOR_WEIGHT} transactions. With little history the generic curve
 * dominates, so a short history cannot make every hour but one look "unusual".
 */
final class HourLikelihood {

  /** Pseudo-counts of the generic curve: after ~20 transactions the user's own habits lead. */
  static final double PRIOR_WEIGHT = 20.0;

  /** Share of an hour's own count in its smoothed value; the rest goes to the two neighbours. */
  private static final double OWN_HOUR_SHARE = 0.5;

  private static final double NEIGHBOUR_SHARE = (1.0 - OWN_HOUR_SHARE) / 2;

  /** Degrees of longitude per hour of solar time. */
  private static final double DEGREES_PER_HOUR = 15.0;

  /**
   * Relative card activity by local hour 0-23: quiet at night, peaks at lunch and early evening.
   * Only the shape matters; it is the common shape of published payment-volume-by-hour charts.
   */
  private static final double[] LOCAL_ACTIVITY = {
    1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 3.8, 4.8, 5.5, 6.2, //
    6.8, 6.5, 6.0, 5.8, 6.0, 6.5, 7.0, 6.8, 6.0, 4.8, 3.2, 1.8
  };

  private static final double[] LOCAL_PROBABILITY = normalised(LOCAL_ACTIVITY);

  private HourLikelihood() {}

  /**
   * Probability of a transaction in {@code utcHour} for a user with this histogram, where the
   * generic curve is placed at local solar time for {@code longitude} (0 when unknown).
   */
  static double of(HourHistogram hours, int utcHour, double longitude) {
    int hoursAhead = Double.isNaN(longitude) ? 0 : (int) Math.round(longitude / DEGREES_PER_HOUR);
    int localHour = Math.floorMod(utcHour + hoursAhead, HourHistogram.HOURS);
    double prior = LOCAL_PROBABILITY[localHour];
    long total = hours.total();
    if (total == 0) {
      return prior;
    }
    double own =
        OWN_HOUR_SHARE * hours.count(utcHour)
            + NEIGHBOUR_SHARE * hours.count(Math.floorMod(utcHour - 1, HourHistogram.HOURS))
            + NEIGHBOUR_SHARE * hours.count(Math.floorMod(utcHour + 1, HourHistogram.HOURS));
    return (own + PRIOR_WEIGHT * prior) / (total + PRIOR_WEIGHT);
  }

  private static double[] normalised(double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double[] probabilities = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      probabilities[i] = weights[i] / total;
    }
    return probabilities;
  }
}
