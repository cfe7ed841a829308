package io.streamsentinel.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One action taken on a user's account: the audit event on {@code user-actions}.
 *
 * @param actionId never null; derived from what caused the action, so a replay cannot mint a second
 *     id for it (see {@link #actionId} and {@link #manual})
 * @param alertId the alert that caused it; null for a manual action
 * @param transactionId the alerted transaction; may be null
 * @param userId never null
 * @param actionType never null
 * @param severity the effective severity it was taken for; null for a manual action
 * @param reasons reason codes, largest contribution first; never null
 * @param decidedAt when it was decided; never null
 * @param alertTime the event time of the alert, which the repeat-offender window is measured in;
 *     null for a manual action
 * @param policyVersion the version of the policy (or of the tool, for manual actions); never null
 * @param actor {@link #RESPONDER} or the operator's name; never null
 * @param note free text for people, e.g. why it was escalated or the operator's reason; may be null
 */
public record UserAction(
    String actionId,
    String alertId,
    String transactionId,
    String userId,
    ActionType actionType,
    Severity severity,
    List<String> reasons,
    Instant decidedAt,
    Instant alertTime,
    String policyVersion,
    String actor,
    String note) {

  /** The actor of every action the policy decides. */
  public static final String RESPONDER = "responder";

  public UserAction {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(actionType, "actionType");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(policyVersion, "policyVersion");
    Objects.requireNonNull(actor, "actor");
    reasons = List.copyOf(reasons);
  }

  /** The id of the action of this type for this alert: the same on every run. */
  public static String actionId(String alertId, ActionType type) {
    return "action-" + NameUuid.of(alertId + ":" + type.wireName());
  }

  /**
   * An operator's action, e.g. an unblock. Its id is derived from (user, type, time), so retrying
   * the same command with the same time does not record it twice.
   */
  public static UserAction manual(
      String userId, ActionType type, String actor, String reason, Instant at, String version) {
    Objects.requireNonNull(userId, "userId");
    // The length prefix keeps ids apart even for user ids that contain the separator.
    String name =
        "manual:"
            + userId.length()
            + ":"
            + userId
            + ":"
            + type.wireName()
            + ":"
            + at.toEpochMilli();
    return new UserAction(
        "action-" + NameUuid.of(name),
        null,
        null,
        userId,
        type,
        null,
        List.of(ReasonCodes.MANUAL_OVERRIDE),
        at,
        null,
        version,
        actor,
        reason);
  }
}
