package io.streamsentinel.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a {@code fraud-alerts} record the action policy needs.
 *
 * @param alertId never null or blank, at most {@link Transaction#MAX_ID_LENGTH} characters; the
 *     same on every replay of the alert
 * @param transactionId as alertId
 * @param userId as alertId
 * @param severity the detector's tier; never null
 * @param score in [0, 1]
 * @param reasonCodes largest contribution first; never null
 * @param eventTime the transaction's event time, in the years 0000-9999 as the detector accepts;
 *     never null
 */
public record Alert(
    String alertId,
    String transactionId,
    String userId,
    Severity severity,
    double score,
    List<String> reasonCodes,
    Instant eventTime) {

  private static final Instant FIRST_EVENT_TIME = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant END_OF_EVENT_TIMES = Instant.parse("+10000-01-01T00:00:00Z");

  public Alert {
    // The ids are copied into every action and status: a giant or unprintable one (which no
    // detector writes) must not get that far.
    requireId("alert_id", alertId);
    requireId("transaction_id", transactionId);
    requireId("user_id", userId);
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(eventTime, "eventTime");
    if (eventTime.isBefore(FIRST_EVENT_TIME) || !eventTime.isBefore(END_OF_EVENT_TIMES)) {
      throw new IllegalArgumentException(
          "event_time: " + eventTime + " is outside the years 0000-9999");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
    }
    reasonCodes = List.copyOf(reasonCodes);
  }

  private static void requireId(String field, String value) {
    Ids.requireBounded(field, value);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c == '\u007f') {
        throw new IllegalArgumentException(
            String.format("%s: contains control character U+%04X at index %d", field, (int) c, i));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            field + ": contains an unpaired surrogate at index " + i);
      }
    }
  }
}
