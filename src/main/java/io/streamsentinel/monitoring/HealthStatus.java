package io.streamsentinel.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * The health of one component at one time: healthy when no rule fires.
 *
 * @param results one per {@link HealthRule}, in the enum's order
 */
public record HealthStatus(String component, Instant time, List<RuleResult> results) {

  public HealthStatus {
    results = List.copyOf(results);
  }

  public boolean healthy() {
    return results.stream().noneMatch(RuleResult::firing);
  }

  /** The result of one rule. */
  public RuleResult result(HealthRule rule) {
    return results.stream().filter(r -> r.rule() == rule).findFirst().orElseThrow();
  }
}
