package io.streamsentinel.monitoring;

import io.streamsentinel.detection.drift.DriftReport;
import java.time.Instant;
import java.util.List;

/**
 * The health rules as a pure function of a {@link HealthSample}: consumer lag above its limit,
 * error rate above its limit, throughput below its floor while input is flowing, the champion
 * model's drift above its limit.
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
            throughput(sample),
            drift(sample.drift())));
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

  /**
   * No champion, no reference or too few live decisions, no verdict: the PSI of a small sample is
   * mostly noise.
   */
  private RuleResult drift(DriftReport drift) {
    boolean measured = drift != null && drift.measured();
    double psi = measured ? drift.maxPsi() : Double.NaN;
    return new RuleResult(
        HealthRule.MODEL_DRIFT,
        measured && psi > thresholds.maxPsi(),
        psi,
        thresholds.maxPsi(),
        measured,
        measured ? drift.worst() : null);
  }
}
