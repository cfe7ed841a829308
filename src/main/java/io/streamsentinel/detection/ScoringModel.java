package io.streamsentinel.detection;

import io.streamsentinel.domain.ReasonCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A trained model as the detector uses it: a version, its trees and its input schema. It turns the
 * rules' decision into the final one ({@link #decide}): the model's probability becomes the score,
 * hard rules can only raise it, and the inputs that pushed the margin up most become reasons.
 * Immutable and thread-safe; evaluating it allocates two short arrays.
 */
public final class ScoringModel {

  /** How many model reasons a decision carries at most. */
  public static final int MAX_REASONS = 3;

  private final String version;
  private final TreeEnsemble trees;
  private final ModelInputs inputs;
  private final ModelReasonText text;
  private final SeverityScale severities;

  /** A model on the standard severity scale. */
  public ScoringModel(String version, TreeEnsemble trees, ModelInputs inputs) {
    this(version, trees, inputs, SeverityScale.STANDARD);
  }

  /**
   * @param severities the tiers of its scores
   * @throws IllegalArgumentException when the trees and the schema disagree on the input count
   */
  public ScoringModel(
      String version, TreeEnsemble trees, ModelInputs inputs, SeverityScale severities) {
    this.version = Objects.requireNonNull(version, "version");
    this.trees = Objects.requireNonNull(trees, "trees");
    this.inputs = Objects.requireNonNull(inputs, "inputs");
    if (trees.inputCount() != inputs.size()) {
      throw new IllegalArgumentException(
          "model "
              + version
              + ": the trees take "
              + trees.inputCount()
              + " inputs but the schema names "
              + inputs.size());
    }
    this.text = new ModelReasonText(inputs);
    this.severities = Objects.requireNonNull(severities, "severities");
  }

  /** The tiers of its scores. */
  public SeverityScale severities() {
    return severities;
  }

  public String version() {
    return version;
  }

  public TreeEnsemble trees() {
    return trees;
  }

  public ModelInputs inputs() {
    return inputs;
  }

  /** The model's probability of fraud for a decision's features. */
  public double probability(Decision rules) {
    return probability(rules.features(), rules.eventTime());
  }

  /** The model's probability of fraud for these features at this event time. */
  public double probability(FeatureVector features, Instant eventTime) {
    double[] row = new double[inputs.size()];
    inputs.fill(features, eventTime, row);
    return trees.probability(row);
  }

  /**
   * The final decision. The score is the model's probability, raised to the rules' score when a
   * hard rule fired (a reason in {@code hardReasons}, e.g. {@link ReasonCodes#ACCOUNT_BLOCKED}, or
   * a rule marked {@code always_alert}). Reasons: the hard ones first, then up to {@link
   * #MAX_REASONS} model reasons (inputs with the largest positive contribution to the margin), then
   * the other rule reasons.
   *
   * @param rules the rules' decision on the same transaction
   * @param hardReasons reason codes of hard rules
   */
  public Decision decide(Decision rules, Set<String> hardReasons) {
    double[] row = new double[inputs.size()];
    inputs.fill(rules.features(), rules.eventTime(), row);
    double[] contributions = new double[inputs.size() + 1];
    double probability = TreeEnsemble.sigmoid(trees.explain(row, contributions));
    boolean hard = false;
    List<Reason> ruleReasons = rules.reasons();
    List<Reason> reasons = new ArrayList<>(ruleReasons.size() + MAX_REASONS);
    for (Reason r : ruleReasons) {
      if (hardReasons.contains(r.code())) {
        reasons.add(r);
        hard = true;
      }
    }
    addModelReasons(row, contributions, rules.features(), reasons);
    for (Reason r : ruleReasons) {
      if (!hardReasons.contains(r.code())) {
        reasons.add(r);
      }
    }
    double score = hard ? Math.max(probability, rules.rulesScore()) : probability;
    return new Decision(
        rules.transactionId(),
        rules.userId(),
        rules.eventTime(),
        rules.amount(),
        score,
        severities.of(score),
        reasons,
        rules.features(),
        rules.ruleSetVersion(),
        rules.isFraud(),
        rules.fraudPattern(),
        rules.rulesScore(),
        probability,
        version);
  }

  /**
   * This model's verdict as a shadow beside {@code decision}: its probability, raised to the rules'
   * score when a hard rule fired, as {@link #decide} would score it; without reasons.
   */
  public Decision.Shadow shadowOf(Decision decision, Set<String> hardReasons) {
    double p = probability(decision.features(), decision.eventTime());
    for (Reason r : decision.reasons()) {
      if (!r.fromModel() && hardReasons.contains(r.code())) {
        return new Decision.Shadow(version, Math.max(p, decision.rulesScore()));
      }
    }
    return new Decision.Shadow(version, p);
  }

  /** The inputs with the largest positive contributions, largest first; no sort, no boxing. */
  private void addModelReasons(
      double[] row, double[] contributions, FeatureVector features, List<Reason> out) {
    int n = inputs.size();
    long taken = 0; // bit i set: input i already given ({@link ModelInputs#MAX_SIZE} is 64)
    for (int k = 0; k < MAX_REASONS; k++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (contributions[i] > 0
            && (taken & (1L << i)) == 0
            && (best < 0 || contributions[i] > contributions[best])) {
          best = i;
        }
      }
      if (best < 0) {
        return;
      }
      taken |= 1L << best;
      out.add(
          new Reason(
              text.code(best),
              text.detail(best, row, features),
              contributions[best],
              Reason.MODEL));
    }
  }

  @Override
  public String toString() {
    return "ScoringModel[" + version + ", " + trees.treeCount() + " trees, " + inputs + "]";
  }
}
