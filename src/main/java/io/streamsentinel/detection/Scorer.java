package io.streamsentinel.detection;

import io.streamsentinel.domain.ReasonCodes;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a transaction's features with a {@link RuleSet}. Thread-safe and stateless per call.
 *
 * <p>Fired rules combine as a noisy-OR, {@code score = 1 - Π(1 - w_i·g_i)}: each rule is an
 * independent chance that the transaction is fraud, so two weak signals add up without ever passing
 * 1, and order does not matter. {@code g_i} is the rule's grade, the product of its conditions'
 * grades (see {@link Condition}): 1 for a rule of crisp conditions that holds. Each reason's
 * contribution is its share of the score in proportion to {@code -ln(1 - w_i·g_i)}, the term it
 * adds to {@code -ln(1 - score)}; contributions add up to the score.
 *
 * <p>Account status comes in through the features: step-up adds the {@link
 * ReasonCodes#STEP_UP_REQUIRED} reason with the rule set's step-up weight; a blocked account scores
 * 1.0 with {@link ReasonCodes#ACCOUNT_BLOCKED} holding the part of the score the rules did not
 * already explain.
 *
 * <p>The rules are compiled into flat arrays so that scoring is a loop over primitives.
 */
public final class Scorer {

  /** A weight of exactly 1 has an infinite log term; capping it keeps the shares finite. */
  private static final double LARGEST_SHARED_WEIGHT = 1 - 1e-12;

  private static final String BLOCKED_DETAIL = "the account is blocked";
  private static final String STEP_UP_DETAIL = "the account requires step-up authentication";

  private final RuleSet ruleSet;
  private final Rule[] rules;
  private final int[] conditionsEnd;
  private final int[] featureIndex;
  private final Comparison[] ops;
  private final double[] thresholds;
  private final double[] fulls;
  private final double[] weights;

  /**
   * @param ruleSet never null
   */
  public Scorer(RuleSet ruleSet) {
    this.ruleSet = ruleSet;
    this.rules = ruleSet.rules().toArray(new Rule[0]);
    int conditionCount = 0;
    for (Rule rule : rules) {
      conditionCount += rule.conditions().size();
    }
    conditionsEnd = new int[rules.length];
    featureIndex = new int[conditionCount];
    ops = new Comparison[conditionCount];
    thresholds = new double[conditionCount];
    fulls = new double[conditionCount];
    compileConditions();
    // One slot more than the rules: the step-up reason.
    weights = new double[rules.length + 1];
    for (int r = 0; r <= rules.length; r++) {
      weights[r] = r < rules.length ? rules[r].weight() : ruleSet.stepUpWeight();
    }
  }

  /** The rules this scorer applies. */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /**
   * The decision for a transaction with these features. Reads neither the transaction's labels
   * (they are only copied onto the decision) nor anything but the features.
   */
  public Decision score(Transaction tx, FeatureVector features) {
    return score(tx, features, List.of());
  }

  /**
   * As {@link #score(Transaction, FeatureVector)}, with the rules named in {@code snoozed}
   * silenced: they do not fire, add nothing to the score and give no reason. The decision does not
   * name them; the caller does ({@link Decision#withSnoozed}).
   *
   * @param snoozed rule ids; names of no rule here are ignored
   */
  public Decision score(Transaction tx, FeatureVector features, List<String> snoozed) {
    int[] fired = new int[weights.length];
    // The weight each fired rule weighs in with: its weight times its grade.
    double[] strength = new double[weights.length];
    int count = 0;
    for (int r = 0; r < rules.length; r++) {
      double grade = grade(r, features);
      if (grade > 0 && (snoozed.isEmpty() || !snoozed.contains(rules[r].id()))) {
        strength[count] = weights[r] * grade;
        fired[count++] = r;
      }
    }
    if (features.get(Feature.STEP_UP_REQUIRED) == 1) {
      strength[count] = weights[rules.length];
      fired[count++] = rules.length;
    }
    double survival = 1.0;
    for (int i = 0; i < count; i++) {
      survival *= 1 - strength[i];
    }
    double ruleScore = 1 - survival;
    boolean blocked = features.get(Feature.ACCOUNT_BLOCKED) == 1;
    double score = blocked ? 1.0 : ruleScore;
    return new Decision(
        tx.transactionId(),
        tx.userId(),
        tx.timestamp(),
        tx.amount(),
        score,
        Severity.of(score),
        reasons(fired, strength, count, features, ruleScore, blocked),
        features,
        ruleSet.version(),
        tx.isFraud(),
        tx.fraudPattern());
  }

  /**
   * The score alone, without reasons or a decision: what {@link #score(Transaction, FeatureVector)}
   * would give these features. For replaying logged features (backtests).
   */
  public double scoreOf(FeatureVector features) {
    return scoreOf(features, List.of());
  }

  /**
   * The score alone with the rules named in {@code snoozed} silenced, as {@link #score(Transaction,
   * FeatureVector, List)} would give it. For replaying logged decisions that name their snoozed
   * rules.
   */
  public double scoreOf(FeatureVector features, List<String> snoozed) {
    if (features.get(Feature.ACCOUNT_BLOCKED) == 1) {
      return 1.0;
    }
    double survival = 1.0;
    for (int r = 0; r < rules.length; r++) {
      double grade = grade(r, features);
      if (grade > 0 && (snoozed.isEmpty() || !snoozed.contains(rules[r].id()))) {
        survival *= 1 - weights[r] * grade;
      }
    }
    if (features.get(Feature.STEP_UP_REQUIRED) == 1) {
      survival *= 1 - weights[rules.length];
    }
    return 1 - survival;
  }

  /**
   * How many of the rules named in {@code snoozed} would have fired on these features: the hits a
   * snooze silenced. Called only when something is snoozed for the transaction.
   */
  public int silencedHits(FeatureVector features, List<String> snoozed) {
    int hits = 0;
    for (int r = 0; r < rules.length; r++) {
      if (snoozed.contains(rules[r].id()) && grade(r, features) > 0) {
        hits++;
      }
    }
    return hits;
  }

  /** The product of the rule's condition grades; 0 as soon as one fails. */
  private double grade(int rule, FeatureVector features) {
    double grade = 1;
    for (int c = rule == 0 ? 0 : conditionsEnd[rule - 1]; c < conditionsEnd[rule]; c++) {
      double value = features.get(featureIndex[c]);
      if (!ops[c].test(value, thresholds[c])) {
        return 0;
      }
      if (fulls[c] == fulls[c]) { // graded: not NaN
        grade *= Math.min(1, (value - thresholds[c]) / (fulls[c] - thresholds[c]));
      }
    }
    return grade;
  }

  private List<Reason> reasons(
      int[] fired,
      double[] strength,
      int count,
      FeatureVector features,
      double ruleScore,
      boolean blocked) {
    int total = count + (blocked ? 1 : 0);
    if (total == 0) {
      return List.of();
    }
    double logSum = 0;
    for (int i = 0; i < count; i++) {
      strength[i] = -Math.log1p(-Math.min(strength[i], LARGEST_SHARED_WEIGHT));
      logSum += strength[i];
    }
    Reason[] reasons = new Reason[total];
    for (int i = 0; i < count; i++) {
      double share = logSum > 0 ? ruleScore * strength[i] / logSum : 0;
      reasons[i] = reason(fired[i], features, share);
    }
    if (blocked) {
      reasons[count] = new Reason(ReasonCodes.ACCOUNT_BLOCKED, BLOCKED_DETAIL, 1.0 - ruleScore);
    }
    sortByContribution(reasons);
    return Arrays.asList(reasons);
  }

  private Reason reason(int slot, FeatureVector features, double contribution) {
    if (slot == rules.length) {
      return new Reason(ReasonCodes.STEP_UP_REQUIRED, STEP_UP_DETAIL, contribution);
    }
    Rule rule = rules[slot];
    return new Reason(rule.reasonCode(), rule.detail().render(features), contribution);
  }

  /** Largest first, stable; insertion sort, as there are only a handful. */
  private static void sortByContribution(Reason[] reasons) {
    for (int i = 1; i < reasons.length; i++) {
      Reason moving = reasons[i];
      int j = i - 1;
      while (j >= 0 && reasons[j].contribution() < moving.contribution()) {
        reasons[j + 1] = reasons[j];
        j--;
      }
      reasons[j + 1] = moving;
    }
  }

  private void compileConditions() {
    int c = 0;
    for (int r = 0; r < rules.length; r++) {
      for (Condition condition : rules[r].conditions()) {
        featureIndex[c] = condition.feature().ordinal();
        ops[c] = condition.op();
        thresholds[c] = condition.threshold();
        fulls[c] = condition.full();
        c++;
      }
      conditionsEnd[r] = c;
    }
  }
}
