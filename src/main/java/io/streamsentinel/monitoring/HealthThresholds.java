package io.streamsentinel.monitoring;

/**
 * The limits of the health rules; the defaults are the Kafka guide's.
 *
 * @param maxLag consumer lag (records behind, largest group) above which the lag rule fires
 * @param maxErrorRate share of failed records above which the error rule fires, in [0, 1]
 * @param minThroughput records per second below which the throughput rule fires while input flows
 * @param maxPsi population stability index (of the champion's score or any judged input) above
 *     which the drift rule fires
 */
public record HealthThresholds(
    long maxLag, double maxErrorRate, double minThroughput, double maxPsi) {

  public static final long DEFAULT_MAX_LAG = 10_000;
  public static final double DEFAULT_MAX_ERROR_RATE = 0.01;
  public static final double DEFAULT_MIN_THROUGHPUT = 1_000;

  /** The usual reading of the PSI: above 0.25, a significant shift. */
  public static final double DEFAULT_MAX_PSI = 0.25;

  public HealthThresholds {
    if (maxLag < 0) {
      throw new IllegalArgumentException("max lag must be >= 0 but was " + maxLag);
    }
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new IllegalArgumentException(
          "max error rate must be in [0, 1] but was " + maxErrorRate);
    }
    if (!(minThroughput >= 0)) {
      throw new IllegalArgumentException("min throughput must be >= 0 but was " + minThroughput);
    }
    if (!(maxPsi > 0)) {
      throw new IllegalArgumentException("max PSI must be > 0 but was " + maxPsi);
    }
  }

  /** Limits with the default drift limit. */
  public HealthThresholds(long maxLag, double maxErrorRate, double minThroughput) {
    this(maxLag, maxErrorRate, minThroughput, DEFAULT_MAX_PSI);
  }

  public static HealthThresholds defaults() {
    return new HealthThresholds(
        DEFAULT_MAX_LAG, DEFAULT_MAX_ERROR_RATE, DEFAULT_MIN_THROUGHPUT, DEFAULT_MAX_PSI);
  }
}
