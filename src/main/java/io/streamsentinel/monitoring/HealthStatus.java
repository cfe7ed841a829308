package io.streamsentinel.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * The status as {@code /health} and the dashboard show it: {@code status} UP or DOWN, the
   * component, the time, and each rule's state (firing, clear, not_measured), value and threshold,
   * and what the value is of when the rule says ({@code detail}).
   */
  public Map<String, Object> describe() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", healthy() ? "UP" : "DOWN");
    body.put("component", component);
    body.put("time", time.toString());
    List<Map<String, Object>> rules = new ArrayList<>();
    for (RuleResult r : results) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("rule", r.rule().id());
      rule.put("state", !r.measured() ? "not_measured" : r.firing() ? "firing" : "clear");
      rule.put("value", Double.isFinite(r.value()) ? r.value() : null);
      rule.put("threshold", r.threshold());
      if (r.detail() != null) {
        rule.put("detail", r.detail());
      }
      rules.add(rule);
    }
    body.put("rules", rules);
    return body;
  }
}
