package io.streamsentinel.detection;

import io.streamsentinel.domain.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of scoring one transaction.
 *
 * @param transactionId never null
 * @param userId never null
 * @param eventTime the transaction's event time; never null
 * @param amount never null
 * @param score in [0, 1]
 * @param severity the tier of {@code score}
 * @param reasons fired rules and account-status reasons, largest contribution first; never null
 * @param features the feature values the rules saw; never null
 * @param ruleSetVersion the version of the rules that scored it; never null
 * @param isFraud ground-truth label carried through for evaluation only; may be null
 * @param fraudPattern ground-truth pattern carried through for evaluation only; may be null
 */
public record Decision(
    String transactionId,
    String userId,
    Instant eventTime,
    BigDecimal amount,
    double score,
    Severity severity,
    List<Reason> reasons,
    FeatureVector features,
    String ruleSetVersion,
    Boolean isFraud,
    String fraudPattern) {

  /** Scores at or above this raise an alert unless configured otherwise. */
  public static final double DEFAULT_ALERT_THRESHOLD = 0.5;

  public Decision {
    if (transactionId == null || userId == null || eventTime == null || amount == null) {
      throw new IllegalArgumentException("transaction id, user id, time and amount are required");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
    }
    if (severity != Severity.of(score)) {
      throw new IllegalArgumentException("severity " + severity + " does not match score " + score);
    }
    if (features == null || ruleSetVersion == null) {
      throw new IllegalArgumentException("features and rule set version are required");
    }
    reasons = List.copyOf(reasons);
  }

  /** Whether this decision raises an alert at the given threshold (score &ge; threshold). */
  public boolean isAlert(double threshold) {
    return score >= threshold;
  }
}
