package io.streamsentinel.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Converts between the simulator's clock and instants. The clock is a plain {@code long} of
 * microseconds since the start, so the hot path does no date arithmetic; microseconds because that
 * is what PostgreSQL timestamps keep, and a {@code long} of them lasts 292,000 years, which even a
 * single user's sparse stream never reaches. Never reads the wall clock.
 */
final class SimulatedTimeline {

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final int NANOS_PER_MICRO = 1_000;

  private final Instant start;
  private final long startEpochSecond;

  /** Microseconds of the start within its second; a sub-microsecond rest never crosses a second. */
  private final long startMicroOfSecond;

  SimulatedTimeline(Instant start) {
    this.start = start;
    this.startEpochSecond = start.getEpochSecond();
    this.startMicroOfSecond = start.getNano() / NANOS_PER_MICRO;
  }

  Instant instantAt(long micros) {
    return start.plus(micros, ChronoUnit.MICROS);
  }

  /** The epoch second (floor) at a clock reading; readings are never negative. */
  long epochSecondAt(long micros) {
    return startEpochSecond + (startMicroOfSecond + micros) / MICROS_PER_SECOND;
  }

  /** A clock reading within the first microsecond of an epoch second at or after the start. */
  long microsAt(long epochSecond) {
    return (epochSecond - startEpochSecond) * MICROS_PER_SECOND - startMicroOfSecond;
  }

  static long minutes(double minutes) {
    return (long) (minutes * 60 * MICROS_PER_SECOND);
  }
}
