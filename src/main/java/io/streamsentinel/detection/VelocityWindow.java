package io.streamsentinel.detection;

import java.time.Duration;

/**
 * The event-time windows over which a user's recent transactions are counted and summed, shortest
 * first. A window of length W at reference time T holds the events with {@code T - W < time <= T}:
 * an event exactly W old has just left it, so "5 in 1 min" means within the last 60 s, not 60 s
 * plus one millisecond.
 */
public enum VelocityWindow {
  ONE_MINUTE(Duration.ofMinutes(1)),
  TEN_MINUTES(Duration.ofMinutes(10)),
  ONE_HOUR(Duration.ofHours(1)),
  ONE_DAY(Duration.ofHours(24));

  /** The longest window: events older than this before the newest one are no longer kept. */
  public static final VelocityWindow HORIZON = ONE_DAY;

  private final Duration length;
  private final long millis;

  VelocityWindow(Duration length) {
    this.length = length;
    this.millis = length.toMillis();
  }

  /** How far back the window reaches. */
  public Duration length() {
    return length;
  }

  /** {@link #length()} in milliseconds, for the hot path. */
  long millis() {
    return millis;
  }

  /**
   * Whether an event at {@code time} lies in this window when the newest event is at {@code ref}.
   */
  boolean covers(long time, long ref) {
    return time > ref - millis && time <= ref;
  }
}
