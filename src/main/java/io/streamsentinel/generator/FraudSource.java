package io.streamsentinel.generator;

/**
 * How a world injects fraud: told of every normal event, it may plan a pattern, whose events it
 * then hands out in time order.
 */
interface FraudSource {

  /** Called after each normal event, of {@code current} at {@code nowMicros}. */
  void afterNormalEvent(UserState current, long nowMicros);

  /** The earliest planned event, or null when none is planned. */
  PlannedEvent peek();

  /** Removes and returns the earliest planned event, or null when none is planned. */
  PlannedEvent poll();
}
