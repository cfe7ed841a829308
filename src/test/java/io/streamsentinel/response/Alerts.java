package io.streamsentinel.response;

import io.streamsentinel.domain.Alert;
import io.streamsentinel.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test vocabulary: named instants and alerts of {@link #USER}, {@code Alerts.of(HIGH, NOON)}. */
final class Alerts {

  static final String USER = "user_007";

  /** Midday UTC, the time of the alert under test unless a test says otherwise. */
  static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

  /** When the policy decides: shortly after the alert. */
  static final Instant DECIDED = NOON.plusMillis(200);

  private Alerts() {}

  /** An alert of {@link #USER} at {@code time} with a score in the tier's range. */
  static Alert of(Severity severity, Instant time) {
    String tx = "tx_" + severity + "_" + time.toEpochMilli();
    return new Alert(
        "alert-" + tx, tx, USER, severity, severity.minScore(), List.of("VELOCITY_1M"), time);
  }

  /** A history with one alert at each of these times. */
  static AlertHistory historyAt(Instant... times) {
    return new AlertHistory(List.of(times));
  }

  static Instant daysBefore(Instant time, long days) {
    return time.minus(Duration.ofDays(days));
  }
}
