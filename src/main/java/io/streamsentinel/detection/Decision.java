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
 * @param score in [0, 1]: what severity and alerting go by; the rules' score while no model is in
 *     force, else the model's probability raised by hard rules (see {@link ScoringModel#decide})
 * @param severity the tier of {@code score}: on the {@link SeverityScale#STANDARD} scale, or the
 *     model's own when a model in force carries one
 * @param reasons fired rules, account-status and model reasons; never null
 * @param features the feature values the rules saw; never null
 * @param ruleSetVersion the version of the rules that scored it; never null
 * @param isFraud ground-truth label carried through for evaluation only; may be null
 * @param fraudPattern ground-truth pattern carried through for evaluation only; may be null
 * @param rulesScore in [0, 1]: the rules' own score, blocked accounts included
 * @param modelScore the model's probability in [0, 1]; null while no model is in force
 * @param modelVersion the version of the model that scored it; null while none is in force
 * @param shadow the shadow model's score beside it; null while no shadow runs
 * @param snoozed the rules an operator snoozed for this transaction (see {@link Snoozes}), by name,
 *     sorted: none of them fired, whether or not it would have; empty, never null, for the rest
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
    String fraudPattern,
    double rulesScore,
    Double modelScore,
    String modelVersion,
    Shadow shadow,
    List<String> snoozed) {

  /**
   * A shadow model's verdict on the same transaction: logged, never acted on.
   *
   * @param version the shadow's version
   * @param score its score, merged with the hard rules as a champion's would be
   */
  public record Shadow(String version, double score) {
    public Shadow {
      if (version == null || !(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException("a shadow needs a version and a score in [0, 1]");
      }
    }
  }

  /** A decision without a shadow. */
  public Decision(
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
      String fraudPattern,
      double rulesScore,
      Double modelScore,
      String modelVersion) {
    this(
        transactionId,
        userId,
        eventTime,
        amount,
        score,
        severity,
        reasons,
        features,
        ruleSetVersion,
        isFraud,
        fraudPattern,
        rulesScore,
        modelScore,
        modelVersion,
        null,
        List.of());
  }

  /** The same decision with a shadow's verdict beside it. */
  public Decision withShadow(Shadow value) {
    return new Decision(
        transactionId,
        userId,
        eventTime,
        amount,
        score,
        severity,
        reasons,
        features,
        ruleSetVersion,
        isFraud,
        fraudPattern,
        rulesScore,
        modelScore,
        modelVersion,
        value,
        snoozed);
  }

  /** The same decision naming the rules snoozed for it. */
  public Decision withSnoozed(List<String> rules) {
    return new Decision(
        transactionId,
        userId,
        eventTime,
        amount,
        score,
        severity,
        reasons,
        features,
        ruleSetVersion,
        isFraud,
        fraudPattern,
        rulesScore,
        modelScore,
        modelVersion,
        shadow,
        rules);
  }

  /** Scores at or above this raise an alert unless configured otherwise. */
  public static final double DEFAULT_ALERT_THRESHOLD = 0.5;

  public Decision {
    if (transactionId == null || userId == null || eventTime == null || amount == null) {
      throw new IllegalArgumentException("transaction id, user id, time and amount are required");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
    }
    if (severity == null || (modelVersion == null && severity != Severity.of(score))) {
      throw new IllegalArgumentException("severity " + severity + " does not match score " + score);
    }
    if (features == null || ruleSetVersion == null) {
      throw new IllegalArgumentException("features and rule set version are required");
    }
    if (!(rulesScore >= 0 && rulesScore <= 1)) {
      throw new IllegalArgumentException("rules score must be in [0, 1] but was " + rulesScore);
    }
    if ((modelScore == null) != (modelVersion == null)) {
      throw new IllegalArgumentException("a model score needs its model version and back");
    }
    if (modelScore != null && !(modelScore >= 0 && modelScore <= 1)) {
      throw new IllegalArgumentException("model score must be in [0, 1] but was " + modelScore);
    }
    reasons = List.copyOf(reasons);
    snoozed = snoozed == null ? List.of() : List.copyOf(snoozed);
  }

  /** A decision of the rules alone: {@code score} is the rules' score, no model. */
  public Decision(
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
    this(
        transactionId,
        userId,
        eventTime,
        amount,
        score,
        severity,
        reasons,
        features,
        ruleSetVersion,
        isFraud,
        fraudPattern,
        score,
        null,
        null);
  }

  /** Whether this decision raises an alert at the given threshold (score &ge; threshold). */
  public boolean isAlert(double threshold) {
    return score >= threshold;
  }
}
