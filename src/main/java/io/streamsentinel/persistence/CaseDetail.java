package io.streamsentinel.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One case with what an analyst needs to decide it: the alerted transaction and its decision, the
 * user's account status, recent history and actions, and the case's audit trail.
 *
 * @param decision the stored decision of the alerted transaction; null if not (yet) stored
 * @param account the user's current status; null when the user never had one (ACTIVE)
 */
public record CaseDetail(
    CaseView caseInfo,
    DecisionView decision,
    AccountView account,
    List<DecisionView> recentHistory,
    List<ActionView> recentActions,
    List<AuditView> audit) {

  /** A stored decision; reasons and features as stored (JSON). */
  public record DecisionView(
      String transactionId,
      Instant eventTime,
      BigDecimal amount,
      String currency,
      String merchant,
      String merchantCategory,
      String country,
      String city,
      String channel,
      double score,
      String severity,
      List<Map<String, Object>> reasons,
      Map<String, Object> features,
      Boolean isFraud,
      String fraudPattern) {}

  /** The user's current account status. */
  public record AccountView(String status, String reason, Instant updatedAt, Instant expiresAt) {}

  /** An action taken on the user's account. */
  public record ActionView(
      String actionId, String actionType, String actor, Instant decidedAt, String note) {}

  /** One audit entry. */
  public record AuditView(Instant at, String actor, String action, String reason) {}
}
