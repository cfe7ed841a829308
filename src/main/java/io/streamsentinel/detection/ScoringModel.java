package io.streamsentinel.detection;

import io.streamsentinel.domain.ReasonCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

  /** A reason for each of the inputs {@link #largestPositive} picks, largest first. */
  private void addModelReasons(
      double[] row, double[] contributions, FeatureVector features, List<Reason> out) {
    for (int index : largestPositive(contributions, inputs.size())) {
      if (index < 0) {
        return;
      }
      out.add(
          new Reason(
              text.code(index),
              text.detail(index, row, features),
              contributions[index],
              Reason.MODEL));
    }
  }

  /**
   * The indexes of the {@link #MAX_REASONS} largest positive values among the first {@code n},
   * largest first and the lower index first among equal ones, then -1 for places left empty. One
   * pass, no sort, no boxing.
   */
  static int[] largestPositive(double[] values, int n) {
    int[] best = new int[MAX_REASONS];
    Arrays.fill(best, -1);
    for (int i = 0; i < n; i++) {
      double v = values[i];
      if (!(v > 0)) {
        continue;
      }
      // The first place whose value this one exceeds: an earlier index keeps its place on a tie.
      int place = 0;
      while (place < MAX_REASONS && best[place] >= 0 && v <= values[best[place]]) {
        place++;
      }
      if (place < MAX_REASONS) {
        System.arraycopy(best, place, best, place + 1, MAX_REASONS - 1 - place);
        best[place] = i;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "ScoringModel[" + version + ", " + trees.treeCount() + " trees, " + inputs + "]";
  }
}
