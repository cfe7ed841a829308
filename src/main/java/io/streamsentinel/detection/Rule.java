package io.streamsentinel.detection;

import io.streamsentinel.domain.ReasonCodes;
import java.util.List;

/**
 * A named, explainable unit of scoring: when all its conditions hold (AND), it fires and adds its
 * weight to the score (see {@link Scorer}) with its reason code and rendered detail.
 *
 * @param id unique within a rule set, e.g. {@code velocity_burst_1m}; never blank
 * @param description what the rule looks for, for people; never null
 * @param conditions at least one; a rule without conditions would fire on every transaction
 * @param weight in (0, 1]: the probability of fraud this rule alone stands for
 * @param reasonCode UPPER_SNAKE_CASE code shown with the decision, e.g. {@code VELOCITY_1M}
 * @param detail the human-readable detail naming feature values
 * @param alwaysAlert a hard rule: when it fires, a model in force cannot score the transaction
 *     lower than the rules do ({@code always_alert} in rule files)
 */
public record Rule(
    String id,
    String description,
    List<Condition> conditions,
    double weight,
    String reasonCode,
    DetailTemplate detail,
    boolean alwaysAlert) {

  /** Reason codes the scorer adds itself from the account status; rules may not claim them. */
  public static final List<String> RESERVED_REASON_CODES =
      List.of(ReasonCodes.ACCOUNT_BLOCKED, ReasonCodes.STEP_UP_REQUIRED);

  public Rule {
    if (id == null || id.isBlank()) {
      throw new InvalidRuleException("id", "missing");
    }
    if (description == null) {
      throw new InvalidRuleException("description", "missing");
    }
    if (conditions == null || conditions.isEmpty()) {
      throw new InvalidRuleException("conditions", "at least one condition is required");
    }
    conditions = List.copyOf(conditions);
    requireWeight("weight", weight);
    requireReasonCode(reasonCode);
    if (detail == null) {
      throw new InvalidRuleException("detail", "missing");
    }
  }

  /** This rule with another weight (what-if sets: backtests, leave-one-world-out). */
  public Rule withWeight(double newWeight) {
    return new Rule(id, description, conditions, newWeight, reasonCode, detail, alwaysAlert);
  }

  /** A rule that a model may outweigh. */
  public Rule(
      String id,
      String description,
      List<Condition> conditions,
      double weight,
      String reasonCode,
      DetailTemplate detail) {
    this(id, description, conditions, weight, reasonCode, detail, false);
  }

  /** Whether every condition holds; the slow, obvious form of what {@link Scorer} compiles. */
  public boolean firesOn(FeatureVector features) {
    return gradeOn(features) > 0;
  }

  /**
   * The product of the conditions' grades (see {@link Condition}): 1 when crisp conditions all
   * hold, 0 as soon as one fails. The rule weighs in with {@code weight × grade}.
   */
  public double gradeOn(FeatureVector features) {
    double grade = 1;
    for (Condition c : conditions) {
      grade *= Condition.grade(c.op(), c.threshold(), c.full(), features.get(c.feature()));
      if (grade == 0) {
        return 0;
      }
    }
    return grade;
  }

  /** Rejects a weight outside (0, 1], naming {@code field}. */
  static void requireWeight(String field, double weight) {
    if (!(weight > 0 && weight <= 1)) {
      throw new InvalidRuleException(field, "must be in (0, 1] but was " + weight);
    }
  }

  private static void requireReasonCode(String code) {
    if (code == null || code.isEmpty()) {
      throw new InvalidRuleException("reason_code", "missing");
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '_') {
        throw new InvalidRuleException(
            "reason_code", "must be UPPER_SNAKE_CASE but was '" + code + "'");
      }
    }
    if (RESERVED_REASON_CODES.contains(code)) {
      throw new InvalidRuleException(
          "reason_code", code + " is reserved for the scorer's account-status reasons");
    }
  }
}
