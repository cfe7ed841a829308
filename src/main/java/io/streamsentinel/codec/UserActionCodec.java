package io.streamsentinel.codec;

import static io.streamsentinel.codec.EventFields.requirePresent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.UserAction;
import java.time.Instant;
import java.util.List;

/**
 * The wire format of {@code user-actions}, the audit trail: {@code {"action_id":..,"alert_id":..,
 * "transaction_id":..,"user_id":..,"action_type":"BLOCK_ACCOUNT","severity":"CRITICAL",
 * "reasons":[..],"decided_at":..,"alert_time":..,"policy_version":..,"actor":..,"note":..}}, in
 * that order. Null fields are left out.
 */
public final class UserActionCodec {

  private static final String EVENT = "a user action";

  private UserActionCodec() {}

  public static byte[] encode(UserAction a) {
    return EventJson.write(Wire.of(a));
  }

  /**
   * @throws IllegalArgumentException naming the field when the bytes are not a user action
   */
  public static UserAction decode(byte[] bytes) {
    return EventJson.read(bytes, Wire.class, EVENT).toUserAction();
  }

  /**
   * A user action as written; the component order is the field order. {@code reasons} may be absent
   * when reading (no reasons) but not null.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Wire(
      String actionId,
      String alertId,
      String transactionId,
      String userId,
      String actionType,
      String severity,
      @JsonDeserialize(using = EventJson.PresentArray.class) List<String> reasons,
      Instant decidedAt,
      Instant alertTime,
      String policyVersion,
      String actor,
      String note) {

    static Wire of(UserAction a) {
      return new Wire(
          a.actionId(),
          a.alertId(),
          a.transactionId(),
          a.userId(),
          a.actionType().wireName(),
          a.severity() == null ? null : a.severity().name(),
          a.reasons(),
          a.decidedAt(),
          a.alertTime(),
          a.policyVersion(),
          a.actor(),
          a.note());
    }

    UserAction toUserAction() {
      ActionType type = parsedActionType();
      Severity tier = EventFields.severity(severity, "severity");
      List<String> codes = reasons == null ? List.of() : reasons;
      for (String code : codes) {
        if (code == null) {
          throw EventFields.wrongType("reasons[]", "a string", JsonToken.VALUE_NULL);
        }
      }
      requirePresent(actionId, "action_id", EVENT);
      requirePresent(userId, "user_id", EVENT);
      requirePresent(type, "action_type", EVENT);
      requirePresent(decidedAt, "decided_at", EVENT);
      requirePresent(policyVersion, "policy_version", EVENT);
      requirePresent(actor, "actor", EVENT);
      return new UserAction(
          actionId,
          alertId,
          transactionId,
          userId,
          type,
          tier,
          codes,
          decidedAt,
          alertTime,
          policyVersion,
          actor,
          note);
    }

    private ActionType parsedActionType() {
      try {
        return actionType == null ? null : ActionType.fromWire(actionType);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "action_type: unknown action type " + ProblemText.quote(actionType));
      }
    }
  }
}
