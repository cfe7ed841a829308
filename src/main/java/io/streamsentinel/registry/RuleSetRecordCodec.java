package io.streamsentinel.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.codec.InvalidRuleFileException;
import io.streamsentinel.codec.Json;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.RuleSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The value of a {@code fraud-rules} record: JSON with {@code version}, {@code status}, {@code
 * published_at}, {@code status_changed_at}, {@code sha256} and the rule set itself under {@code
 * rules}, in the rule file format. The key is the version.
 */
public final class RuleSetRecordCodec {

  private static final ObjectMapper MAPPER = Json.mapper();

  private RuleSetRecordCodec() {}

  public static byte[] encode(RuleSetVersion v) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", v.version());
    root.put("status", v.status().wireName());
    root.put("published_at", v.publishedAt().toString());
    root.put("status_changed_at", v.statusChangedAt().toString());
    root.put("sha256", v.sha256());
    try {
      root.set("rules", MAPPER.readTree(RuleSetCodec.encode(v.rules())));
      return MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a rule set record in memory failed", e);
    }
  }

  /**
   * A record's value as a version: refused when it is not one, when its rules are not a valid rule
   * set (the error names the rule and field), or when the checksum does not match the rules.
   *
   * @throws IllegalArgumentException saying why
   */
  public static RuleSetVersion decode(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("a rule set record has no value");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a rule set record: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a rule set record: not a JSON object");
    }
    String version = text(root, "version");
    String status = text(root, "status");
    String sha256 = text(root, "sha256");
    JsonNode rulesNode = root.get("rules");
    if (version == null || status == null || sha256 == null || rulesNode == null) {
      throw new IllegalArgumentException(
          "a rule set record needs version, status, sha256 and rules");
    }
    RuleSet rules;
    try {
      rules = RuleSetCodec.parse("rule set " + version, MAPPER.writeValueAsBytes(rulesNode));
    } catch (InvalidRuleFileException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!rules.version().equals(version)) {
      throw new IllegalArgumentException(
          "rule set record " + version + " holds rules of version " + rules.version());
    }
    String actual = RuleSetVersion.checksum(rules);
    if (!actual.equals(sha256)) {
      throw new IllegalArgumentException(
          "rule set "
              + version
              + ": checksum "
              + sha256
              + " does not match its rules ("
              + actual
              + ")");
    }
    try {
      return new RuleSetVersion(
          rules,
          RuleSetStatus.fromWire(status),
          instant(root, "published_at"),
          instant(root, "status_changed_at"),
          sha256);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(
          "rule set " + version + ": published_at and status_changed_at must be ISO-8601 instants",
          e);
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node == null || !node.isTextual() ? null : node.asText();
  }

  private static Instant instant(JsonNode root, String field) {
    String value = text(root, field);
    return value == null ? null : Instant.parse(value);
  }
}
