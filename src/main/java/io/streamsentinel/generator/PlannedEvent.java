package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.util.Comparator;

/**
 * An event decided but not yet emitted: everything except its transaction id, which is given in
 * emission order. Only {@code deviceId} (not an online payment) and {@code pattern} (a normal
 * event) may be null.
 *
 * @param atMicros simulated clock reading of the event
 * @param order tie-breaker among events at the same time: the order they were planned in
 */
record PlannedEvent(
    long atMicros,
    long order,
    UserState user,
    Merchant merchant,
    BigDecimal amount,
    Channel channel,
    String deviceId,
    City city,
    double latitude,
    double longitude,
    FraudKind pattern) {

  /** Earliest first; among equal times, first planned first, so the merge is deterministic. */
  static final Comparator<PlannedEvent> BY_TIME =
      Comparator.comparingLong(PlannedEvent::atMicros).thenComparingLong(PlannedEvent::order);
}
