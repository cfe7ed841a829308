package io.streamsentinel.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a {@code fraud-alerts} record the action policy needs.
 *
 * @param alertId never null; the same on every replay of the alert
 * @param transactionId never null
 * @param userId never null
 * @param severity the detector's tier; never null
 * @param score in [0, 1]
 * @param reasonCodes largest contribution first; never null
 * @param eventTime the transaction's event time; never null
 */
public record Alert(
    String alertId,
    String transactionId,
    String userId,
    Severity severity,
    double score,
    List<String> reasonCodes,
    Instant eventTime) {

  public Alert {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(eventTime, "eventTime");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
    }
    reasonCodes = List.copyOf(reasonCodes);
  }
}
