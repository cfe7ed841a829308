package io.streamsentinel.detection;

/**
 * How often a user takes up something new, counted since the profile began keeping it: how many
 * transactions were at a merchant or from a device new to the user, out of how many, since when.
 * From these come the user's own rates, so that a new merchant for a user who tries one every other
 * payment is no surprise, while for a user of fixed habits it is. Fixed in size whatever the user
 * does (profile format 4; a profile read from an older format starts counting afresh, its rates
 * neutral until it fills).
 *
 * @param count transactions counted, &ge; 0
 * @param newMerchants of them, at a merchant new to the user, &le; {@code count}
 * @param newDevices of them, from a device new to the user, &le; {@code count}
 * @param sinceEpochMillis event time of the earliest transaction counted; meaningless while {@code
 *     count} is 0
 */
public record Novelty(long count, long newMerchants, long newDevices, long sinceEpochMillis) {

  /** Nothing counted yet. */
  public static final Novelty EMPTY = new Novelty(0, 0, 0, 0);

  /**
   * A rate's prior, as half a "new" in one transaction (Jeffreys' prior for a proportion): a rate
   * is (news + 1/2) / (count + 1), so it is never 0 and starts at one half.
   */
  static final double PRIOR_NEWS = 0.5;

  /**
   * Shortest span a user's pace is measured over: a user seen for an hour has not shown a daily
   * rhythm, and their first payments must not make the next one look like a burst.
   */
  static final double MIN_SPAN_HOURS = 24;

  public Novelty {
    if (count < 0
        || newMerchants < 0
        || newDevices < 0
        || newMerchants > count
        || newDevices > count) {
      throw new IllegalArgumentException(
          "inconsistent novelty: " + count + " " + newMerchants + " " + newDevices);
    }
  }

  /** These counts with one more transaction at {@code time}. */
  Novelty plus(long time, boolean newMerchant, boolean newDevice) {
    return new Novelty(
        count + 1,
        newMerchants + (newMerchant ? 1 : 0),
        newDevices + (newDevice ? 1 : 0),
        count == 0 ? time : Math.min(sinceEpochMillis, time));
  }

  /** The user's rate of new merchants per transaction, with the prior; in (0, 1). */
  double merchantRate() {
    return (newMerchants + PRIOR_NEWS) / (count + 1.0);
  }

  /** The user's rate of new devices per transaction, with the prior; in (0, 1). */
  double deviceRate() {
    return (newDevices + PRIOR_NEWS) / (count + 1.0);
  }

  /**
   * The user's transactions per hour over the span counted (at least {@link #MIN_SPAN_HOURS}); a
   * late transaction at {@code time} before the span began sees the floor.
   */
  double perHour(long time) {
    double hours = (time - sinceEpochMillis) / (double) EventTime.MILLIS_PER_HOUR;
    return count / Math.max(hours, MIN_SPAN_HOURS);
  }
}
