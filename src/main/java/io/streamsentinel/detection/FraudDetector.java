package io.streamsentinel.detection;

import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import java.util.Objects;

/**
 * One detection step, the whole pure core in one call: features from the profile before the
 * transaction, the score, and the profile after it. The stream processor wraps exactly this between
 * reading and writing the profile store. Thread-safe.
 */
public final class FraudDetector {

  /** The decision on a transaction and the user's profile once it is counted. */
  public record Assessment(Decision decision, UserProfile profile) {}

  private final Scorer scorer;

  /**
   * @param scorer never null
   */
  public FraudDetector(Scorer scorer) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
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
    FeatureVector features = FeatureExtractor.extract(tx, before, status);
    return new Assessment(scorer.score(tx, features), before.with(tx));
  }
}
