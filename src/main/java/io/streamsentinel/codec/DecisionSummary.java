package io.streamsentinel.codec;

import java.util.List;

/**
 * The parts of a decision or alert read back from Kafka.
 *
 * @param alertId null for a decision that is not an alert record
 * @param isFraud the ground-truth label, null when the input had none
 * @param fraudPattern null for legitimate or unlabelled transactions
 * @param reasonCodes largest contribution first
 * @param historyCount the user's transactions the detector had seen before this one (feature
 *     history_count)
 * @param rulesScore the rules' own score; the score in decisions written before models
 * @param modelVersion the model in force when it was decided; null for the rules alone
 * @param snoozed the rules snoozed for it; empty when none
 */
public record DecisionSummary(
    String alertId,
    String transactionId,
    String userId,
    double score,
    String severity,
    Boolean isFraud,
    String fraudPattern,
    List<String> reasonCodes,
    long historyCount,
    double rulesScore,
    String modelVersion,
    List<String> snoozed) {

  public DecisionSummary {
    if (transactionId == null || userId == null || severity == null) {
      throw new IllegalArgumentException("a decision needs transaction_id, user_id and severity");
    }
    reasonCodes = List.copyOf(reasonCodes);
    snoozed = List.copyOf(snoozed);
  }

  /** Collects fields in any order. */
  static final class Builder {
    String alertId;
    String transactionId;
    String userId;
    double score;
    String severity;
    Boolean isFraud;
    String fraudPattern;
    List<String> reasonCodes = List.of();
    long historyCount;
    Double rulesScore;
    String modelVersion;
    List<String> snoozed = List.of();

    DecisionSummary build() {
      return new DecisionSummary(
          alertId,
          transactionId,
          userId,
          score,
          severity,
          isFraud,
          fraudPattern,
          reasonCodes,
          historyCount,
          rulesScore == null ? score : rulesScore,
          modelVersion,
          snoozed);
    }
  }
}
