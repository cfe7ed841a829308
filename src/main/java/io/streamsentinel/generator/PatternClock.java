package io.streamsentinel.generator;

import static io.streamsentinel.generator.SimulatedTimeline.minutes;

import java.util.SplittableRandom;

/**
 * Places a fraud pattern's events in its victim's local time, for the worlds whose patterns keep to
 * windows of the day (shop hours, the victim's active hours). Draws from the pattern planner's own
 * random stream, so a world's stream for a seed depends only on the order of its own calls.
 */
final class PatternClock {

  static final int HOUR = 3_600;
  static final int DAY = 24 * HOUR;

  private final SplittableRandom rng;
  private final SimulatedTimeline timeline;

  PatternClock(SplittableRandom rng, SimulatedTimeline timeline) {
    this.rng = rng;
    this.timeline = timeline;
  }

  /**
   * A random moment of the user's next local window [{@code from}, {@code to}) seconds of the day,
   * at or after {@code notBefore}: the rest of today's window if inside it, else the next one.
   */
  long nextMomentWithin(UserState user, long notBefore, int from, int to) {
    return nextMomentWithin(user.offsetSeconds(), notBefore, from, to);
  }

  /**
   * As {@link #nextMomentWithin(UserState, long, int, int)}, in the local time of a place {@code
   * offsetSeconds} ahead of UTC: a window of the day where the events happen, not where the victim
   * lives.
   */
  long nextMomentWithin(int offsetSeconds, long notBefore, int from, int to) {
    long epochSecond = timeline.epochSecondAt(notBefore);
    int secondOfDay = UserState.localSecondOfDay(epochSecond, offsetSeconds);
    long wait;
    if (secondOfDay < from) {
      wait = from - secondOfDay;
    } else if (secondOfDay < to) {
      wait = 0;
    } else {
      wait = DAY - secondOfDay + from;
    }
    int windowStart = (int) ((secondOfDay + wait) % DAY);
    long offset = rng.nextLong(to - windowStart);
    return Math.max(notBefore, timeline.microsAt(epochSecond + wait + offset));
  }

  /**
   * {@code at} when the user is active then, else a moment in the first hour of the user's next
   * active hours: a run goes on where it stopped, rather than at a random later hour.
   */
  long activeAtOrAfter(UserState user, long at) {
    if (user.isActiveAt(timeline.epochSecondAt(at))) {
      return at;
    }
    int start = user.activeStartSecond();
    return nextMomentWithin(user, at, start, Math.min(user.activeEndSecond(), start + HOUR));
  }

  /** Seconds since the user's local midnight at a clock reading. */
  int localSecondOfDay(UserState user, long at) {
    return user.localSecondOfDay(timeline.epochSecondAt(at));
  }

  /** A clock reading's worth of hours. */
  static long hours(double hours) {
    return minutes(hours * 60);
  }
}
