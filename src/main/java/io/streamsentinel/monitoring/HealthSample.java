package io.streamsentinel.monitoring;

import io.streamsentinel.detection.drift.DriftReport;

/**
 * What the health rules look at, measured over one check interval. A figure a component cannot
 * measure is NaN, and its rule then neither fires nor clears by it (it reports "not measured").
 *
 * @param lag records the component's consumer group(s) are behind (the largest group), or NaN
 * @param errorRate failed / (handled + failed) in the interval, or NaN when nothing was handled
 * @param throughput records handled per second in the interval, or NaN
 * @param inputRate records arriving on the component's input per second, or NaN when it has none
 * @param drift the champion model's drift; null for a component that scores nothing
 */
public record HealthSample(
    double lag, double errorRate, double throughput, double inputRate, DriftReport drift) {

  /** A sample of a component that scores nothing. */
  public HealthSample(double lag, double errorRate, double throughput, double inputRate) {
    this(lag, errorRate, throughput, inputRate, null);
  }

  /** Nothing measured yet. */
  public static HealthSample unmeasured() {
    return new HealthSample(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
