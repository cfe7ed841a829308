package io.streamsentinel.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.codec.Json;
import io.streamsentinel.detection.Snooze;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The value of a {@code fraud-rule-snoozes} record: JSON with {@code rule}, {@code user_id}, {@code
 * card_last4} (only for a snooze of one card), {@code until}, {@code reason}, {@code operator} and
 * {@code created_at}, the times as ISO-8601 instants. The key is {@link Snooze#key()}; a tombstone
 * lifts the snooze.
 */
public final class SnoozeRecordCodec {

  private static final ObjectMapper MAPPER = Json.mapper();

  private SnoozeRecordCodec() {}

  public static byte[] encode(Snooze s) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("rule", s.rule());
    root.put("user_id", s.userId());
    if (s.cardLast4() != null) {
      root.put("card_last4", s.cardLast4());
    }
    root.put("until", s.until().toString());
    root.put("reason", s.reason());
    root.put("operator", s.operator());
    root.put("created_at", s.createdAt().toString());
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a snooze in memory failed", e);
    }
  }

  /**
   * A record's value as a snooze.
   *
   * @throws IllegalArgumentException naming the field, when it is not one
   */
  public static Snooze decode(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("a snooze record has no value");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a snooze record: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a snooze record: not a JSON object");
    }
    return new Snooze(
        required(root, "rule"),
        required(root, "user_id"),
        optional(root, "card_last4"),
        instant(root, "until"),
        required(root, "reason"),
        required(root, "operator"),
        instant(root, "created_at"));
  }

  private static String required(JsonNode root, String field) {
    String value = text(root, field);
    if (value == null) {
      throw new IllegalArgumentException("a snooze record needs " + field + " (a string)");
    }
    return value;
  }

  /**
   * Absent or null is none; anything but a string is refused, never read as none: a snooze of one
   * card must not silence the rule for every card of the user.
   */
  private static String optional(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException("snooze record: " + field + " must be a string");
    }
    return node.asText();
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node == null || !node.isTextual() ? null : node.asText();
  }

  private static Instant instant(JsonNode root, String field) {
    String value = required(root, field);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "snooze record: " + field + " must be an ISO-8601 instant but was '" + value + "'", e);
    }
  }
}
