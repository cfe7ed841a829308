package io.streamsentinel.detection;

import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import java.util.Objects;
import java.util.Set;

/**
 * One detection step, the whole pure core in one call: features from the profile before the
 * transaction, the score, and the profile after it. The stream processor wraps exactly this between
 * reading and writing the profile store. Thread-safe.
 */
public final class FraudDetector {

  /** The decision on a transaction and the user's profile once it is counted. */
  public record Assessment(Decision decision, UserProfile profile) {}

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
    FeatureVector features = FeatureExtractor.extract(tx, before, status);
    Decision rules = scorer.score(tx, features);
    Decision decision = model == null ? rules : model.decide(rules, hardReasons);
    if (shadow != null) {
      decision = decision.withShadow(shadow.shadowOf(decision, hardReasons));
    }
    return new Assessment(decision, before.with(tx));
  }
}
