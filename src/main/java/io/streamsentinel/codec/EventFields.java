package io.streamsentinel.codec;

import static io.streamsentinel.codec.ProblemText.quote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.streamsentinel.domain.Severity;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads one field of a responder event (alert, user action) at the parser's current token and names
 * the field when the value has the wrong shape. JSON null reads as null. Text with a NUL character
 * and instants outside the years 0000-9999 are refused: the sink could not store them.
 */
final class EventFields {

  private EventFields() {}

  static String string(JsonParser p, String field) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw wrongType(field, "a string", token);
    }
    String text = p.getText();
    int nul = text.indexOf('\u0000');
    if (nul >= 0) {
      // PostgreSQL text cannot hold it: refused here, not by the sink's database.
      throw new IllegalArgumentException(field + ": contains a NUL character at index " + nul);
    }
    return text;
  }

  static double number(JsonParser p, String field) throws IOException {
    if (!p.currentToken().isNumeric()) {
      throw wrongType(field, "a number", p.currentToken());
    }
    return p.getDoubleValue();
  }

  static Instant instant(JsonParser p, String field) throws IOException {
    String text = string(p, field);
    if (text == null) {
      return null;
    }
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field
              + ": cannot parse "
              + quote(text)
              + " (expected ISO-8601 like 2026-11-25T12:00:00Z)");
    }
    if (!InstantText.hasFourDigitYear(instant)) {
      throw new IllegalArgumentException(
          field + ": " + quote(text) + " is outside the years 0000-9999");
    }
    return instant;
  }

  static Severity severity(JsonParser p, String field) throws IOException {
    return severity(string(p, field), field);
  }

  /** The severity named (case-insensitive) by {@code text}, or null for null. */
  static Severity severity(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return Severity.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": unknown severity " + quote(text));
    }
  }

  static void requireArray(JsonParser p, String field) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(field, "an array", p.currentToken());
    }
  }

  static void requirePresent(Object value, String field, String event) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": required in " + event);
    }
  }

  static IllegalArgumentException wrongType(String field, String expected, JsonToken actual) {
    return new IllegalArgumentException(
        field
            + ": expected "
            + expected
            + " but was "
            + (actual == null ? "the end of input" : WireValues.describe(actual)));
  }

  static IllegalArgumentException notJson(String event, IOException e) {
    String reason =
        e instanceof JsonProcessingException jpe
            ? ProblemText.reason(jpe)
            : ProblemText.safe(String.valueOf(e.getMessage()));
    return new IllegalArgumentException(event + " is not valid JSON: " + reason, e);
  }
}
