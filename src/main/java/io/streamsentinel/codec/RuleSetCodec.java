package io.streamsentinel.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.detection.Condition;
import io.streamsentinel.detection.Rule;
import io.streamsentinel.detection.RuleSet;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes rule files: JSON with {@code version}, optional {@code step_up_weight} and
 * {@code rules}, each rule with {@code id}, {@code description}, {@code conditions} ({@code
 * feature}, {@code op}, {@code threshold}), {@code weight}, {@code reason_code} and {@code detail}.
 * The default rule set ships on the class path as {@value #DEFAULT_RESOURCE}. Every problem is an
 * {@link InvalidRuleFileException} naming the file, the rule and the field. Not on the hot path:
 * rules are loaded once at start-up, so the tree model of Jackson databind is fine here.
 */
public final class RuleSetCodec {

  /** Class-path location of the default rule set. */
  public static final String DEFAULT_RESOURCE = "rules/default-rules.json";

  /** Thread-safe once configured; configured only here. Trees only, so the naming is moot. */
  private static final ObjectMapper MAPPER = Json.mapper();

  private RuleSetCodec() {}

  /** The rule set shipped with the system. */
  public static RuleSet loadDefault() {
    String source = "classpath:" + DEFAULT_RESOURCE;
    try (InputStream in =
        RuleSetCodec.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new InvalidRuleFileException(source, null, null, "not found on the class path", null);
      }
      return parse(source, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + source + " failed", e);
    }
  }

  /**
   * The rule set in a file.
   *
   * @throws InvalidRuleFileException when the file cannot be read or holds no valid rule set
   */
  public static RuleSet load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidRuleFileException(
          file.toString(), null, null, "cannot be read (" + e + ")", e);
    }
    return parse(file.toString(), bytes);
  }

  /**
   * The rule set in UTF-8 JSON.
   *
   * @param source names the origin in error messages, e.g. the file name
   * @throws InvalidRuleFileException when the JSON holds no valid rule set
   */
  public static RuleSet parse(String source, byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new InvalidRuleFileException(
          source, null, null, "not valid JSON: " + e.getOriginalMessage() + where, e);
    } catch (CharConversionException e) {
      // Bytes Jackson took for UTF-16 or UTF-32 and could not decode: the file, not the memory.
      throw new InvalidRuleFileException(
          source, null, null, "not valid JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from memory failed", e);
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidRuleFileException(source, null, null, "empty", null);
    }
    return new RuleSetReader(source).read(root);
  }

  /** The rule set as indented UTF-8 JSON that {@link #parse} reads back to an equal rule set. */
  public static byte[] encode(RuleSet rules) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", rules.version());
    root.put("step_up_weight", rules.stepUpWeight());
    ArrayNode array = root.putArray("rules");
    for (Rule rule : rules.rules()) {
      ObjectNode node = array.addObject();
      node.put("id", rule.id());
      node.put("description", rule.description());
      ArrayNode conditions = node.putArray("conditions");
      for (Condition condition : rule.conditions()) {
        ObjectNode c =
            conditions
                .addObject()
                .put("feature", condition.feature().wireName())
                .put("op", condition.op().symbol())
                .put("threshold", condition.threshold());
        if (condition.graded()) {
          c.put("full", condition.full());
        }
      }
      node.put("weight", rule.weight());
      node.put("reason_code", rule.reasonCode());
      node.put("detail", rule.detail().source());
      if (rule.alwaysAlert()) {
        node.put("always_alert", true);
      }
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
