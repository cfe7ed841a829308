package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * When the next everyday transaction happens and whose it is: the superposition of every user's
 * Poisson process. Each user's rate drops outside their active hours; that is done by thinning (a
 * candidate at the peak rate is kept with a lower probability off-hours), which keeps one
 * exponential draw and one weighted pick per candidate instead of re-weighting all users as the
 * simulated day turns.
 *
 * <p>About 1.7 candidates are drawn per transaction, each a random access into arrays as large as
 * the user count, so this is laid out for the cache: the pick narrows its binary search with a
 * guide table to the one or two users around the ticket, and the activity test reads a packed array
 * instead of following the candidate's objects. Both give exactly the answers of the plain search
 * and of {@link UserState#isActiveAt}, so the stream for a seed is unchanged.
 */
final class ArrivalProcess {

  /** Off-hours rate relative to the active-hours rate: night owls exist, just fewer of them. */
  static final double OFF_HOURS_WEIGHT = 0.1;

  private final UserState[] users;
  private final SimulatedTimeline timeline;
  private final SplittableRandom rng;

  /** cumulativeRates[i] = sum of the peak rates of users 0..i, per second. */
  private final double[] cumulativeRates;

  /**
   * guide[b] = the user {@link #pick} returns for the ticket {@code b * guideStep}: the pick of any
   * ticket in bucket b lies within guide[b]..guide[b + 1].
   */
  private final int[] guide;

  private final double guideStep;

  /** Per user: UTC offset, first active second and end of the active seconds, in that order. */
  private final int[] activity;

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
    this.guideStep = total / users.length;
    this.guide = new int[users.length + 1];
    for (int b = 0; b < users.length; b++) {
      guide[b] = search(b * guideStep, 0, users.length - 1);
    }
    guide[users.length] = users.length - 1;
    this.activity = new int[3 * users.length];
    for (int i = 0; i < users.length; i++) {
      activity[3 * i] = users[i].offsetSeconds();
      activity[3 * i + 1] = users[i].activeStartSecond();
      activity[3 * i + 2] = users[i].activeEndSecond();
    }
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
      int candidate = pick(rng.nextDouble() * cumulativeRates[users.length - 1]);
      if (isActiveAt(candidate, timeline.epochSecondAt(clockMicros))
          || rng.nextDouble() < OFF_HOURS_WEIGHT) {
        return users[candidate];
      }
    }
  }

  /** Clock reading of the transaction last returned by {@link #next()}. */
  long clockMicros() {
    return clockMicros;
  }

  /** The same as {@link UserState#isActiveAt} of user {@code index}. */
  private boolean isActiveAt(int index, long epochSecond) {
    int second = UserState.localSecondOfDay(epochSecond, activity[3 * index]);
    return second >= activity[3 * index + 1] && second < activity[3 * index + 2];
  }

  /**
   * The first index whose cumulative rate exceeds {@code ticket} (the last index if none does), as
   * a binary search over all users would find it.
   */
  int pick(double ticket) {
    int bucket = (int) Math.min(guide.length - 2, Math.max(0, ticket / guideStep));
    // The division may round across a bucket edge; step back or forward to the bucket whose
    // computed bounds really enclose the ticket, so the narrowed search stays exact.
    while (bucket > 0 && bucket * guideStep > ticket) {
      bucket--;
    }
    while (bucket < guide.length - 2 && (bucket + 1) * guideStep <= ticket) {
      bucket++;
    }
    return search(ticket, guide[bucket], guide[bucket + 1]);
  }

  /**
   * The first index in [low, high] whose cumulative rate exceeds {@code ticket}, or {@code high}.
   */
  private int search(double ticket, int low, int high) {
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
