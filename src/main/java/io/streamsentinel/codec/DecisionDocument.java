package io.streamsentinel.codec;

import io.streamsentinel.domain.ReasonCodes;
import io.streamsentinel.domain.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A decision or alert read back in full for the system of record: every field the detector wrote,
 * with reasons and features kept as their JSON text (they are stored as JSONB as written).
 *
 * @param alertId present on {@code fraud-alerts} records only; otherwise null
 * @param currency descriptive transaction fields: each may be null when the input had none
 * @param reasonsJson the {@code reasons} array as JSON text; never null
 * @param featuresJson the {@code features} object as JSON text; never null
 * @param reasonCodes the reason codes in order, for aggregation without re-parsing
 * @param isFraud ground-truth label; null when the input had none
 * @param fraudPattern ground-truth pattern; may be null
 * @param rulesScore the rules' own score; equal to {@code score} in decisions written before models
 * @param modelScore the model's probability; null when no model was in force
 * @param modelVersion the model in force; null when none was
 * @param shadowVersion the shadow model scored beside it; null when none ran
 * @param shadowScore the shadow's score; null when none ran
 * @param snoozed the rules an operator snoozed for it, which did not fire; empty when none
 */
public record DecisionDocument(
    String alertId,
    String transactionId,
    String userId,
    Instant eventTime,
    BigDecimal amount,
    String currency,
    String merchant,
    String merchantCategory,
    String country,
    String city,
    String channel,
    double score,
    Severity severity,
    String reasonsJson,
    String featuresJson,
    List<String> reasonCodes,
    String ruleSetVersion,
    Boolean isFraud,
    String fraudPattern,
    double rulesScore,
    Double modelScore,
    String modelVersion,
    String shadowVersion,
    Double shadowScore,
    List<String> snoozed) {

  public DecisionDocument {
    reasonCodes = List.copyOf(reasonCodes);
    snoozed = snoozed == null ? List.of() : List.copyOf(snoozed);
  }

  /** A decision of the rules alone. */
  public DecisionDocument(
      String alertId,
      String transactionId,
      String userId,
      Instant eventTime,
      BigDecimal amount,
      String currency,
      String merchant,
      String merchantCategory,
      String country,
      String city,
      String channel,
      double score,
      Severity severity,
      String reasonsJson,
      String featuresJson,
      List<String> reasonCodes,
      String ruleSetVersion,
      Boolean isFraud,
      String fraudPattern) {
    this(
        alertId,
        transactionId,
        userId,
        eventTime,
        amount,
        currency,
        merchant,
        merchantCategory,
        country,
        city,
        channel,
        score,
        severity,
        reasonsJson,
        featuresJson,
        reasonCodes,
        ruleSetVersion,
        isFraud,
        fraudPattern,
        score,
        null,
        null,
        null,
        null,
        List.of());
  }

  /** Whether the detector flagged it because the account was already blocked (enforcement). */
  public boolean isEnforcement() {
    return reasonCodes.contains(ReasonCodes.ACCOUNT_BLOCKED);
  }
}
