package io.streamsentinel.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * The health rules as a pure function of a {@link HealthSample}: consumer lag above its limit,
 * error rate above its limit, throughput below its floor while input is flowing.
 */
public final class HealthRules {

  private final HealthThresholds thresholds;

  public HealthRules(HealthThresholds thresholds) {
    this.thresholds = thresholds;
  }

  public HealthThresholds thresholds() {
    return thresholds;
  }

  /** Judges one sample of {@code component} taken at {@code time}. */
  public HealthStatus evaluate(String component, Instant time, HealthSample sample) {
    return new HealthStatus(
        component,
        time,
        List.of(
            above(HealthRule.CONSUMER_LAG, sample.lag(), thresholds.maxLag()),
            above(HealthRule.ERROR_RATE, sample.errorRate(), thresholds.maxErrorRate()),
            throughput(sample)));
  }

  private static RuleResult above(HealthRule rule, double value, double limit) {
    boolean measured = !Double.isNaN(value);
    return new RuleResult(rule, measured && value > limit, value, limit, measured);
  }

  /** No input, no verdict: a quiet pipeline is not a slow one. */
  private RuleResult throughput(HealthSample s) {
    boolean measured = !Double.isNaN(s.throughput()) && !Double.isNaN(s.inputRate());
    boolean inputFlowing = measured && s.inputRate() > 0;
    boolean firing = inputFlowing && s.throughput() < thresholds.minThroughput();
    return new RuleResult(
        HealthRule.THROUGHPUT, firing, s.throughput(), thresholds.minThroughput(), measured);
  }
}
