package io.streamsentinel.detection;

import io.streamsentinel.domain.ReasonCodes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A versioned set of rules, with the weight of the {@code STEP_UP_REQUIRED} reason the scorer adds
 * for accounts under step-up authentication.
 *
 * @param version shown on every decision, so a score can be traced to the rules that made it; never
 *     blank
 * @param stepUpWeight in (0, 1]
 * @param rules distinct ids; may be empty (then only the account status scores)
 */
public record RuleSet(String version, double stepUpWeight, List<Rule> rules) {

  /** Step-up alone is a mild signal: the account is under watch, not known to be compromised. */
  public static final double DEFAULT_STEP_UP_WEIGHT = 0.3;

  /**
   * The reason codes a model may not outweigh: a blocked account and every {@link
   * Rule#alwaysAlert()} rule.
   */
  public Set<String> hardReasonCodes() {
    Set<String> codes = new HashSet<>();
    codes.add(ReasonCodes.ACCOUNT_BLOCKED);
    for (Rule rule : rules) {
      if (rule.alwaysAlert()) {
        codes.add(rule.reasonCode());
      }
    }
    return Set.copyOf(codes);
  }

  public RuleSet {
    if (version == null || version.isBlank()) {
      throw new InvalidRuleException("version", "missing");
    }
    Rule.requireWeight("step_up_weight", stepUpWeight);
    if (rules == null) {
      throw new InvalidRuleException("rules", "missing");
    }
    rules = List.copyOf(rules);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      if (!ids.add(rules.get(i).id())) {
        throw new InvalidRuleException(
            "rules[" + i + "].id", "duplicate rule id '" + rules.get(i).id() + "'");
      }
    }
  }
}
