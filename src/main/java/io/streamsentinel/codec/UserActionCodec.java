package io.streamsentinel.codec;

import static io.streamsentinel.codec.EventFields.requirePresent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.UserAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format of {@code user-actions}, the audit trail: {@code {"action_id":..,"alert_id":..,
 * "transaction_id":..,"user_id":..,"action_type":"BLOCK_ACCOUNT","severity":"CRITICAL",
 * "reasons":[..],"decided_at":..,"policy_version":..,"actor":..,"note":..}}. Null fields are left
 * out.
 */
public final class UserActionCodec {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String EVENT = "a user action";

  private UserActionCodec() {}

  public static byte[] encode(UserAction a) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(256);
        JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("action_id", a.actionId());
      writeIfPresent(g, "alert_id", a.alertId());
      writeIfPresent(g, "transaction_id", a.transactionId());
      g.writeStringField("user_id", a.userId());
      g.writeStringField("action_type", a.actionType().wireName());
      writeIfPresent(g, "severity", a.severity() == null ? null : a.severity().name());
      g.writeArrayFieldStart("reasons");
      for (String reason : a.reasons()) {
        g.writeString(reason);
      }
      g.writeEndArray();
      g.writeStringField("decided_at", a.decidedAt().toString());
      writeIfPresent(g, "alert_time", a.alertTime() == null ? null : a.alertTime().toString());
      g.writeStringField("policy_version", a.policyVersion());
      g.writeStringField("actor", a.actor());
      writeIfPresent(g, "note", a.note());
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode user action " + a.actionId(), e);
    }
  }

  /**
   * @throws IllegalArgumentException naming the field when the bytes are not a user action
   */
  public static UserAction decode(byte[] bytes) {
    try (JsonParser p = JSON.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a user action must be a JSON object");
      }
      return readFields(p);
    } catch (IOException e) {
      throw EventFields.notJson(EVENT, e);
    }
  }

  private static UserAction readFields(JsonParser p) throws IOException {
    String actionId = null;
    String alertId = null;
    String transactionId = null;
    String userId = null;
    ActionType type = null;
    Severity severity = null;
    List<String> reasons = List.of();
    Instant decidedAt = null;
    Instant alertTime = null;
    String policyVersion = null;
    String actor = null;
    String note = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "action_id" -> actionId = EventFields.string(p, field);
        case "alert_id" -> alertId = EventFields.string(p, field);
        case "transaction_id" -> transactionId = EventFields.string(p, field);
        case "user_id" -> userId = EventFields.string(p, field);
        case "action_type" -> type = actionType(p, field);
        case "severity" -> severity = EventFields.severity(p, field);
        case "reasons" -> reasons = strings(p, field);
        case "decided_at" -> decidedAt = EventFields.instant(p, field);
        case "alert_time" -> alertTime = EventFields.instant(p, field);
        case "policy_version" -> policyVersion = EventFields.string(p, field);
        case "actor" -> actor = EventFields.string(p, field);
        case "note" -> note = EventFields.string(p, field);
        default -> p.skipChildren();
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
        severity,
        reasons,
        decidedAt,
        alertTime,
        policyVersion,
        actor,
        note);
  }

  private static ActionType actionType(JsonParser p, String field) throws IOException {
    String text = EventFields.string(p, field);
    try {
      return text == null ? null : ActionType.fromWire(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          field + ": unknown action type " + ProblemText.quote(text));
    }
  }

  private static List<String> strings(JsonParser p, String field) throws IOException {
    EventFields.requireArray(p, field);
    List<String> values = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.VALUE_STRING) {
        throw EventFields.wrongType(field + "[]", "a string", token);
      }
      values.add(p.getText());
    }
    return values;
  }

  private static void writeIfPresent(JsonGenerator g, String field, String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }
}
