package io.streamsentinel.codec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Test vocabulary: a JSON event as an ordered map of field name to raw JSON text, so a test can put
 * any value, valid or not, in any field. Immutable; {@link #with} and {@link #without} copy.
 */
final class WireEvent {

  /** The minimal example event from the Kafka guide, verbatim. */
  static final String GUIDE_EXAMPLE =
      "{\"event_type\":\"transaction_created\",\"transaction_id\":\"tx_12345\","
          + "\"user_id\":\"user_001\",\"amount\":250.00,\"timestamp\":\"2025-08-26T14:30:00Z\","
          + "\"merchant\":\"Amazon\",\"is_fraud\":false}";

  private final Map<String, String> fields;

  private WireEvent(Map<String, String> fields) {
    this.fields = fields;
  }

  /** The guide's example, field for field. */
  static WireEvent guideExample() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("event_type", "\"transaction_created\"");
    fields.put("transaction_id", "\"tx_12345\"");
    fields.put("user_id", "\"user_001\"");
    fields.put("amount", "250.00");
    fields.put("timestamp", "\"2025-08-26T14:30:00Z\"");
    fields.put("merchant", "\"Amazon\"");
    fields.put("is_fraud", "false");
    return new WireEvent(fields);
  }

  /** A JSON string literal of the text (no escaping: test values are plain). */
  static String str(String text) {
    return "\"" + text + "\"";
  }

  /** This event with the field set to the raw JSON value (added last if new). */
  WireEvent with(String field, String rawJson) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.put(field, rawJson);
    return new WireEvent(copy);
  }

  WireEvent without(String field) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.remove(field);
    return new WireEvent(copy);
  }

  String json() {
    return fields.entrySet().stream()
        .map(entry -> str(entry.getKey()) + ":" + entry.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  byte[] bytes() {
    return json().getBytes(StandardCharsets.UTF_8);
  }

  /** UTF-8 bytes of a JSON text. */
  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
