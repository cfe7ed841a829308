package io.streamsentinel.detection;

import io.streamsentinel.domain.Channel;

/**
 * A user's habits as a few running figures, fixed in size whatever the user does: the spread of
 * their amounts on a log scale, where they usually are (a home point and how far from it they
 * usually pay) and how they pay (channel counts). What makes a transaction "unusual for this user"
 * is measured against these.
 *
 * <p>Counted from the profile format that introduced them (3): a profile read from an older format
 * starts with none, and the features built on them fall back to their priors until they fill.
 *
 * @param count transactions counted, &ge; 0
 * @param logMean mean of ln(amount) over the {@code logCount} transactions with a positive amount
 * @param logSumSquaredDeviations Welford's M2 of ln(amount)
 * @param logCount transactions with a positive amount, &ge; 0
 * @param places transactions with coordinates, &ge; 0
 * @param homeLatitude degrees; meaningless while {@code places} is 0
 * @param homeLongitude degrees; meaningless while {@code places} is 0
 * @param homeRadiusKm the running mean distance from home of the user's payments, &ge; 0
 * @param online online transactions
 * @param cardPresent card-present transactions
 * @param atm ATM transactions
 */
public record Habits(
    long count,
    double logMean,
    double logSumSquaredDeviations,
    long logCount,
    long places,
    double homeLatitude,
    double homeLongitude,
    double homeRadiusKm,
    long online,
    long cardPresent,
    long atm) {

  /** Nothing counted yet. */
  public static final Habits EMPTY = new Habits(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /**
   * The home point and radius follow the user's payments with this much memory: the mean of the
   * first 20 places, then an exponential average over about the last 20, so that a move settles
   * within a few weeks while one trip barely shifts it.
   */
  // Known limitation: coordinates are averaged as plain numbers, so a user who pays on both sides
  // of the antimeridian gets a home point in between; nothing in the worlds does, few people do.
  static final int HOME_MEMORY = 20;

  public Habits {
    if (count < 0
        || logCount < 0
        || places < 0
        || online < 0
        || cardPresent < 0
        || atm < 0
        || !(logSumSquaredDeviations >= 0)
        || !(homeRadiusKm >= 0)
        || !Double.isFinite(logMean)
        || !Double.isFinite(homeLatitude)
        || !Double.isFinite(homeLongitude)) {
      throw new IllegalArgumentException("inconsistent habits: " + count + " " + logMean);
    }
  }

  /**
   * These habits with one more transaction.
   *
   * @param cents its amount in cents
   * @param latitude degrees, NaN when unknown
   * @param longitude degrees, NaN when unknown
   * @param channel may be null
   */
  Habits plus(long cents, double latitude, double longitude, Channel channel) {
    double logMeanNext = logMean;
    double m2 = logSumSquaredDeviations;
    long logs = logCount;
    if (cents > 0) {
      double x = Math.log(cents / Cents.PER_UNIT);
      logs++;
      double delta = x - logMean;
      logMeanNext = logMean + delta / logs;
      m2 += delta * (x - logMeanNext);
    }
    long placesNext = places;
    double lat = homeLatitude;
    double lon = homeLongitude;
    double radius = homeRadiusKm;
    if (!Double.isNaN(latitude) && !Double.isNaN(longitude)) {
      placesNext++;
      double step = 1.0 / Math.min(placesNext, HOME_MEMORY);
      if (places > 0) {
        radius += step * (GreatCircle.distanceKm(lat, lon, latitude, longitude) - radius);
      }
      lat += step * (latitude - lat);
      lon += step * (longitude - lon);
    }
    return new Habits(
        count + 1,
        logMeanNext,
        m2,
        logs,
        placesNext,
        lat,
        lon,
        radius,
        online + (channel == Channel.ONLINE ? 1 : 0),
        cardPresent + (channel == Channel.CARD_PRESENT ? 1 : 0),
        atm + (channel == Channel.ATM ? 1 : 0));
  }

  /** Transactions on {@code channel} counted so far; 0 for null. */
  long countOn(Channel channel) {
    if (channel == null) {
      return 0;
    }
    return switch (channel) {
      case ONLINE -> online;
      case CARD_PRESENT -> cardPresent;
      case ATM -> atm;
    };
  }

  /** Transactions with a known channel. */
  long withChannel() {
    return online + cardPresent + atm;
  }

  /** Whether a home point is known. */
  boolean hasHome() {
    return places > 0;
  }
}
