package io.streamsentinel.codec;

import static io.streamsentinel.codec.EventFields.requirePresent;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.streamsentinel.domain.Alert;
import io.streamsentinel.domain.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code fraud-alerts} record, as {@link DecisionCodec#encodeAlert} writes it, into the
 * {@link Alert} the action policy decides on. Fields the policy does not use (amount, features,
 * reason details, labels) are skipped.
 */
public final class AlertCodec {

  private static final String EVENT = "an alert";

  private AlertCodec() {}

  /**
   * @throws IllegalArgumentException naming the field when the bytes are not an alert
   */
  public static Alert decode(byte[] bytes) {
    return EventJson.read(bytes, Wire.class, EVENT).toAlert();
  }

  /**
   * The fields of an alert the policy reads. {@code reasons} may be absent (no reasons) but not
   * null.
   */
  record Wire(
      String alertId,
      String transactionId,
      String userId,
      Double score,
      String severity,
      @JsonDeserialize(using = EventJson.PresentArray.class) List<WireReason> reasons,
      Instant eventTime) {

    Alert toAlert() {
      Severity tier = EventFields.severity(severity, "severity");
      List<String> codes = reasonCodes();
      requirePresent(alertId, "alert_id", EVENT);
      requirePresent(transactionId, "transaction_id", EVENT);
      requirePresent(userId, "user_id", EVENT);
      requirePresent(score, "score", EVENT);
      requirePresent(tier, "severity", EVENT);
      requirePresent(eventTime, "event_time", EVENT);
      if (!(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException("score: must be in [0, 1] but was " + score);
      }
      return new Alert(alertId, transactionId, userId, tier, score, codes, eventTime);
    }

    /** The codes of {@code reasons: [{"code": .., "detail": .., "contribution": ..}, ..]}. */
    private List<String> reasonCodes() {
      if (reasons == null) {
        return List.of();
      }
      List<String> codes = new ArrayList<>(reasons.size());
      for (WireReason reason : reasons) {
        if (reason == null) {
          throw EventFields.wrongType("reasons[]", "an object", JsonToken.VALUE_NULL);
        }
        requirePresent(reason.code(), "reasons[].code", EVENT);
        codes.add(reason.code());
      }
      return codes;
    }
  }

  /** One reason of an alert; only its code matters to the policy. */
  record WireReason(String code) {}
}
