package io.streamsentinel.detection;

import java.time.Duration;
import java.time.Instant;

/** Test vocabulary: named instants, so a test reads as a story in time. */
final class Moments {

  /** A Monday, midday UTC. */
  static final Instant MONDAY_NOON = Instant.parse("2026-03-02T12:00:00Z");

  /** One millisecond before midnight UTC at the end of that Monday. */
  static final Instant MONDAY_LAST_MILLI = Instant.parse("2026-03-02T23:59:59.999Z");

  /** Midnight UTC between Monday and Tuesday. */
  static final Instant TUESDAY_MIDNIGHT = Instant.parse("2026-03-03T00:00:00Z");

  /** Tuesday, midday UTC. */
  static final Instant TUESDAY_NOON = Instant.parse("2026-03-03T12:00:00Z");

  /** Three in the morning UTC on the Tuesday. */
  static final Instant TUESDAY_3AM = Instant.parse("2026-03-03T03:00:00Z");

  private Moments() {}

  static Instant after(Instant instant, Duration duration) {
    return instant.plus(duration);
  }

  static Instant before(Instant instant, Duration duration) {
    return instant.minus(duration);
  }

  static long millis(Instant instant) {
    return instant.toEpochMilli();
  }

  static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  static Duration hours(long hours) {
    return Duration.ofHours(hours);
  }
}
