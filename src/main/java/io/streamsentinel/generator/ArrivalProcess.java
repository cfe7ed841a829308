package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * When the next everyday transaction happens and whose it is: the superposition of every user's
 * Poisson process. Each user's rate drops outside their active hours; that is done by thinning (a
 * candidate at the peak rate is kept with a lower probability off-hours), which keeps one
 * exponential draw and one binary search per candidate instead of re-weighting all users as the
 * simulated day turns.
 */
final class ArrivalProcess {

  /** Off-hours rate relative to the active-hours rate: night owls exist, just fewer of them. */
  static final double OFF_HOURS_WEIGHT = 0.1;

  private final UserState[] users;
  private final SimulatedTimeline timeline;
  private final SplittableRandom rng;

  /** cumulativeRates[i] = sum of the peak rates of users 0..i, per second. */
  private final double[] cumulativeRates;

  private final double meanGapMicros;
  private long clockMicros;

  ArrivalProcess(UserState[] users, SimulatedTimeline timeline, SplittableRandom rng) {
    this.users = users;
    this.timeline = timeline;
    this.rng = rng;
    this.cumulativeRates = new double[users.length];
    double total = 0;
    for (int i = 0; i < users.length; i++) {
      total += peakRatePerSecond(users[i].user);
      cumulativeRates[i] = total;
    }
    this.meanGapMicros = 1e6 / total;
  }

  /**
   * The rate during active hours, chosen so that the average over a whole day is the user's {@link
   * SyntheticUser#dailyRate()}.
   */
  static double peakRatePerSecond(SyntheticUser user) {
    int activeHours = user.activeEndHour() - user.activeStartHour();
    double weightedHours = activeHours + OFF_HOURS_WEIGHT * (24 - activeHours);
    return user.dailyRate() / (weightedHours * 3600);
  }

  /** Advances the clock to the next everyday transaction and returns its user. */
  UserState next() {
    while (true) {
      clockMicros += (long) (rng.nextExponential() * meanGapMicros);
      UserState candidate = users[pick(rng.nextDouble() * cumulativeRates[users.length - 1])];
      if (candidate.isActiveAt(timeline.epochSecondAt(clockMicros))
          || rng.nextDouble() < OFF_HOURS_WEIGHT) {
        return candidate;
      }
    }
  }

  /** Clock reading of the transaction last returned by {@link #next()}. */
  long clockMicros() {
    return clockMicros;
  }

  /** The first index whose cumulative rate exceeds {@code ticket}. */
  private int pick(double ticket) {
    int low = 0;
    int high = cumulativeRates.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulativeRates[mid] > ticket) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}
