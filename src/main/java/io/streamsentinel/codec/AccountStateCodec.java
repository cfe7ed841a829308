package io.streamsentinel.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The wire format of {@code account-status}: {@code
 * {"user_id":..,"status":"BLOCKED","reason":..,"updated_at":.., "expires_at":..}}.
 */
public final class AccountStateCodec {

  private static final JsonFactory JSON = new JsonFactory();

  private AccountStateCodec() {}

  public static byte[] encode(AccountState s) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(128);
        JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("user_id", s.userId());
      g.writeStringField("status", s.status().wireName());
      if (s.reason() != null) {
        g.writeStringField("reason", s.reason());
      }
      if (s.updatedAt() != null) {
        g.writeStringField("updated_at", s.updatedAt().toString());
      }
      if (s.expiresAt() != null) {
        g.writeStringField("expires_at", s.expiresAt().toString());
      }
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException naming the problem when the bytes are not an account state
   */
  public static AccountState decode(byte[] bytes) {
    String userId = null;
    String status = null;
    String reason = null;
    Instant updatedAt = null;
    Instant expiresAt = null;
    try (JsonParser p = JSON.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("account status must be a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "user_id" -> userId = p.getText();
          case "status" -> status = p.getText();
          case "reason" -> reason = p.getText();
          case "updated_at" -> updatedAt = instant(field, p.getText());
          case "expires_at" -> expiresAt = instant(field, p.getText());
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("account status is not valid JSON: " + e.getMessage(), e);
    }
    if (userId == null || status == null) {
      throw new IllegalArgumentException("account status needs user_id and status");
    }
    return new AccountState(userId, AccountStatus.fromWire(status), reason, updatedAt, expiresAt);
  }

  private static Instant instant(String field, String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": cannot parse '" + text + "'");
    }
  }
}
