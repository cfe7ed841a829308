package io.streamsentinel.detection;

/** Calendar arithmetic on epoch milliseconds in UTC, without java.time objects on the hot path. */
final class EventTime {

  static final long MILLIS_PER_SECOND = 1_000L;
  static final long MILLIS_PER_HOUR = 3_600_000L;
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final int HOURS_PER_DAY = 24;

  private EventTime() {}

  /** UTC hour of day, 0-23. */
  static int hourOfDay(long epochMillis) {
    return Math.floorMod(Math.floorDiv(epochMillis, MILLIS_PER_HOUR), HOURS_PER_DAY);
  }

  /** Days since 1970-01-01 (UTC). */
  static long epochDay(long epochMillis) {
    return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
  }
}
