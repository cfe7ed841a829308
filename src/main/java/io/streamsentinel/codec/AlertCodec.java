package io.streamsentinel.codec;

import static io.streamsentinel.codec.EventFields.requirePresent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamsentinel.domain.Alert;
import io.streamsentinel.domain.Severity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code fraud-alerts} record, as {@link DecisionCodec#encodeAlert} writes it, into the
 * {@link Alert} the action policy decides on. Fields the policy does not use (amount, features,
 * reason details, labels) are skipped.
 */
public final class AlertCodec {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String EVENT = "an alert";

  private AlertCodec() {}

  /**
   * @throws IllegalArgumentException naming the field when the bytes are not an alert
   */
  public static Alert decode(byte[] bytes) {
    try (JsonParser p = JSON.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("an alert must be a JSON object");
      }
      return readFields(p);
    } catch (IOException e) {
      throw EventFields.notJson(EVENT, e);
    }
  }

  private static Alert readFields(JsonParser p) throws IOException {
    String alertId = null;
    String transactionId = null;
    String userId = null;
    Double score = null;
    Severity severity = null;
    List<String> reasonCodes = List.of();
    Instant eventTime = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "alert_id" -> alertId = EventFields.string(p, field);
        case "transaction_id" -> transactionId = EventFields.string(p, field);
        case "user_id" -> userId = EventFields.string(p, field);
        case "score" -> score = EventFields.number(p, field);
        case "severity" -> severity = EventFields.severity(p, field);
        case "reasons" -> reasonCodes = reasonCodes(p);
        case "event_time" -> eventTime = EventFields.instant(p, field);
        default -> p.skipChildren();
      }
    }
    requirePresent(alertId, "alert_id", EVENT);
    requirePresent(transactionId, "transaction_id", EVENT);
    requirePresent(userId, "user_id", EVENT);
    requirePresent(score, "score", EVENT);
    requirePresent(severity, "severity", EVENT);
    requirePresent(eventTime, "event_time", EVENT);
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score: must be in [0, 1] but was " + score);
    }
    return new Alert(alertId, transactionId, userId, severity, score, reasonCodes, eventTime);
  }

  /** The codes of {@code reasons: [{"code": .., "detail": .., "contribution": ..}, ..]}. */
  private static List<String> reasonCodes(JsonParser p) throws IOException {
    EventFields.requireArray(p, "reasons");
    List<String> codes = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        throw EventFields.wrongType("reasons[]", "an object", token);
      }
      String code = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("code")) {
          code = EventFields.string(p, "reasons[].code");
        } else {
          p.skipChildren();
        }
      }
      requirePresent(code, "reasons[].code", EVENT);
      codes.add(code);
    }
    return codes;
  }
}
