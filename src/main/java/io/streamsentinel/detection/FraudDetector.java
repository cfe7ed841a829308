package io.streamsentinel.detection;

import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One detection step, the whole pure core in one call: features from the profile before the
 * transaction, the score, and the profile after it. The stream processor wraps exactly this between
 * reading and writing the profile store. Thread-safe.
 */
public final class FraudDetector {

  /**
   * The decision on a transaction and the user's profile once it is counted.
   *
   * @param silencedHits how many rules snoozed for the transaction would have fired on it
   */
  public record Assessment(Decision decision, UserProfile profile, int silencedHits) {

    /** An assessment no snooze silenced a rule of. */
    public Assessment(Decision decision, UserProfile profile) {
      this(decision, profile, 0);
    }
  }

  private final Scorer scorer;
  private final Set<String> hardReasons;

  /**
   * @param scorer never null
   */
  public FraudDetector(Scorer scorer) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.hardReasons = scorer.ruleSet().hardReasonCodes();
  }

  /** A detector scoring with this rule set. */
  public static FraudDetector of(RuleSet rules) {
    return new FraudDetector(new Scorer(rules));
  }

  /** The scorer, for its rule set. */
  public Scorer scorer() {
    return scorer;
  }

  /**
   * Scores {@code tx} and returns the decision with the updated profile.
   *
   * @param tx never null
   * @param before the user's profile before {@code tx}; {@link UserProfile#empty} for a new user
   * @param status the account's status; {@link AccountStatus#ACTIVE} when none is known
   */
  public Assessment assess(Transaction tx, UserProfile before, AccountStatus status) {
    return assess(tx, before, status, null);
  }

  /**
   * As {@link #assess(Transaction, UserProfile, AccountStatus)}, with a model in force.
   *
   * @param model the champion; null scores with the rules alone
   */
  public Assessment assess(
      Transaction tx, UserProfile before, AccountStatus status, ScoringModel model) {
    return assess(tx, before, status, model, null);
  }

  /**
   * As {@link #assess(Transaction, UserProfile, AccountStatus, ScoringModel)}, with a shadow model
   * scored beside the champion: its verdict rides in the decision and changes nothing else.
   *
   * @param shadow null for none
   */
  public Assessment assess(
      Transaction tx,
      UserProfile before,
      AccountStatus status,
      ScoringModel model,
      ScoringModel shadow) {
    return assess(tx, before, status, model, shadow, null);
  }

  /**
   * The whole step with a challenger beside what is in force: the challenger is the shadow rule set
   * (else these rules) merged with the shadow model (else the champion). Its score rides in the
   * decision under a version naming what differs ({@code v4}, {@code rules:graded-2}, or {@code
   * v4+rules:graded-2}) and changes nothing else. Features are computed once for both.
   *
   * @param shadowModel null for none
   * @param shadowRules null for none
   */
  public Assessment assess(
      Transaction tx,
      UserProfile before,
      AccountStatus status,
      ScoringModel model,
      ScoringModel shadowModel,
      FraudDetector shadowRules) {
    return assess(tx, before, status, model, shadowModel, shadowRules, Snoozes.NONE);
  }

  /**
   * The whole step with the operators' snoozes applied: a rule snoozed for the transaction does not
   * fire, in these rules and in the shadow rule set alike (so a comparison of the two stays like
   * for like), and the decision names the snoozed rules. A model's probability is not a rule's and
   * is not silenced; a snoozed hard rule no longer raises it.
   *
   * @param snoozes never null; {@link Snoozes#NONE} for none
   */
  public Assessment assess(
      Transaction tx,
      UserProfile before,
      AccountStatus status,
      ScoringModel model,
      ScoringModel shadowModel,
      FraudDetector shadowRules,
      Snoozes snoozes) {
    FeatureVector features = FeatureExtractor.extract(tx, before, status);
    List<String> snoozed = snoozes.silencedFor(tx);
    Decision rules = scorer.score(tx, features, snoozed);
    Decision decision = model == null ? rules : model.decide(rules, hardReasons);
    if (shadowModel != null || shadowRules != null) {
      decision =
          decision.withShadow(
              challenge(tx, features, rules, model, shadowModel, shadowRules, snoozed));
    }
    if (snoozed.isEmpty()) {
      return new Assessment(decision, before.with(tx));
    }
    return new Assessment(
        decision.withSnoozed(snoozed), before.with(tx), scorer.silencedHits(features, snoozed));
  }

  private Decision.Shadow challenge(
      Transaction tx,
      FeatureVector features,
      Decision rules,
      ScoringModel model,
      ScoringModel shadowModel,
      FraudDetector shadowRules,
      List<String> snoozed) {
    Decision base = shadowRules == null ? rules : shadowRules.scorer.score(tx, features, snoozed);
    Set<String> hard = shadowRules == null ? hardReasons : shadowRules.hardReasons;
    ScoringModel merged = shadowModel != null ? shadowModel : model;
    double score = merged == null ? base.score() : merged.shadowOf(base, hard).score();
    String rulesPart =
        shadowRules == null ? null : "rules:" + shadowRules.scorer.ruleSet().version();
    String version =
        shadowModel == null
            ? rulesPart
            : rulesPart == null ? shadowModel.version() : shadowModel.version() + "+" + rulesPart;
    return new Decision.Shadow(version, score);
  }
}
