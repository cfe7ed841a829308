package io.streamsentinel.monitoring;

import java.time.Duration;
import java.util.Objects;

/**
 * How a component's health is watched.
 *
 * @param thresholds the health rules' limits
 * @param checkInterval how often the rules are checked
 * @param snapshotInterval how often a metrics snapshot goes to system-metrics
 */
public record HealthSettings(
    HealthThresholds thresholds, Duration checkInterval, Duration snapshotInterval) {

  public HealthSettings {
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(checkInterval, "checkInterval");
    Objects.requireNonNull(snapshotInterval, "snapshotInterval");
  }
}
