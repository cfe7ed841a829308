package io.streamsentinel.analytics;

import io.streamsentinel.detection.Decision;
import java.time.Duration;
import java.util.Objects;

/**
 * How the analytics consumer runs.
 *
 * @param alertThreshold scores at or above it count as alerts in the per-bucket statistics (the
 *     detector's alert threshold)
 * @param pollTimeout longest wait of one poll; bounds how fast a stop request is seen
 */
public record AnalyticsSettings(double alertThreshold, Duration pollTimeout) {

  public AnalyticsSettings {
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    if (!(alertThreshold >= 0 && alertThreshold <= 1)) {
      throw new IllegalArgumentException("alert threshold must be in [0, 1]: " + alertThreshold);
    }
  }

  /** The detector's default alert threshold; polls of up to one second. */
  public static AnalyticsSettings defaults() {
    return new AnalyticsSettings(Decision.DEFAULT_ALERT_THRESHOLD, Duration.ofSeconds(1));
  }
}
