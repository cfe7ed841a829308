package io.streamsentinel.cli;

import io.streamsentinel.monitoring.HealthSettings;
import io.streamsentinel.monitoring.HealthThresholds;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The health rules' thresholds (the Kafka guide's by default) and how often they are checked. */
public final class HealthOptions {

  @Option(
      names = "--health-max-lag",
      paramLabel = "N",
      defaultValue = "" + HealthThresholds.DEFAULT_MAX_LAG,
      description =
          "Unhealthy when a consumer group is more than N records behind (default: ${DEFAULT-VALUE}).")
  long maxLag;

  @Option(
      names = "--health-max-error-rate",
      paramLabel = "R",
      defaultValue = "" + HealthThresholds.DEFAULT_MAX_ERROR_RATE,
      description =
          "Unhealthy when more than this share of records fails (default: ${DEFAULT-VALUE}).")
  double maxErrorRate;

  @Option(
      names = "--health-min-throughput",
      paramLabel = "N",
      defaultValue = "" + HealthThresholds.DEFAULT_MIN_THROUGHPUT,
      description =
          "Unhealthy when input flows but fewer than N records/s are handled (default: ${DEFAULT-VALUE}).")
  double minThroughput;

  @Option(
      names = "--health-max-psi",
      paramLabel = "P",
      defaultValue = "" + HealthThresholds.DEFAULT_MAX_PSI,
      description =
          "Unhealthy when the champion model's score or any judged input drifted: a population"
              + " stability index above P between the live window and its training rows"
              + " (default: ${DEFAULT-VALUE}).")
  double maxPsi;

  @Option(
      names = "--health-interval",
      paramLabel = "D",
      defaultValue = "5s",
      converter = DurationOption.class,
      description = "How often the health rules are checked (default: ${DEFAULT-VALUE}).")
  Duration checkInterval;

  @Option(
      names = "--snapshot-interval",
      paramLabel = "D",
      defaultValue = "10s",
      converter = DurationOption.class,
      description =
          "How often a metrics snapshot goes to system-metrics (default: ${DEFAULT-VALUE}).")
  Duration snapshotInterval;

  HealthSettings settings() {
    return new HealthSettings(
        new HealthThresholds(maxLag, maxErrorRate, minThroughput, maxPsi),
        checkInterval,
        snapshotInterval);
  }
}
