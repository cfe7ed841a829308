package io.streamsentinel.detection;

/**
 * Where the detector gets the snoozes in force: read once per transaction, so a snooze set or
 * lifted applies from the next transaction on. Implementations must be thread-safe and fast (a
 * volatile read).
 */
@FunctionalInterface
public interface SnoozeSource {

  /** No snooze, ever. */
  SnoozeSource NONE = () -> Snoozes.NONE;

  /** The snoozes in force now; never null. */
  Snoozes current();
}
