package io.streamsentinel.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamsentinel.detection.Comparison;
import io.streamsentinel.detection.Condition;
import io.streamsentinel.detection.DetailTemplate;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.InvalidRuleException;
import io.streamsentinel.detection.Rule;
import io.streamsentinel.detection.RuleSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a {@link RuleSet} from the JSON tree of a rule file, strictly: unknown fields are errors
 * (a misspelt {@code "wieght"} must not silently fall back to nothing), and every error names the
 * rule and field it is about.
 */
final class RuleSetReader {

  private static final Set<String> SET_FIELDS =
      Set.of("version", "description", "step_up_weight", "rules");
  private static final Set<String> RULE_FIELDS =
      Set.of("id", "description", "conditions", "weight", "reason_code", "detail", "always_alert");
  private static final Set<String> CONDITION_FIELDS = Set.of("feature", "op", "threshold", "full");

  private final String source;

  RuleSetReader(String source) {
    this.source = source;
  }

  RuleSet read(JsonNode root) {
    try {
      requireObject(root, "(top level)");
      requireKnownFields(root, SET_FIELDS);
      double stepUp =
          root.has("step_up_weight")
              ? number(root, "step_up_weight")
              : RuleSet.DEFAULT_STEP_UP_WEIGHT;
      return new RuleSet(text(root, "version"), stepUp, rules(arrayField(root, "rules")));
    } catch (InvalidRuleException e) {
      throw new InvalidRuleFileException(source, null, e.field(), e.problem(), e);
    }
  }

  private List<Rule> rules(JsonNode array) {
    List<Rule> rules = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode node = array.get(i);
      String label = label(node, i);
      try {
        rules.add(rule(node));
      } catch (InvalidRuleException e) {
        throw new InvalidRuleFileException(source, label, e.field(), e.problem(), e);
      }
    }
    return rules;
  }

  private Rule rule(JsonNode node) {
    requireObject(node, "(rule)");
    requireKnownFields(node, RULE_FIELDS);
    JsonNode array = arrayField(node, "conditions");
    List<Condition> conditions = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      try {
        conditions.add(condition(array.get(i)));
      } catch (InvalidRuleException e) {
        throw e.within("conditions[" + i + "]");
      }
    }
    return new Rule(
        text(node, "id"),
        node.has("description") ? text(node, "description") : "",
        conditions,
        number(node, "weight"),
        text(node, "reason_code"),
        DetailTemplate.parse(text(node, "detail")),
        node.has("always_alert") && flag(node, "always_alert"));
  }

  private static Condition condition(JsonNode node) {
    requireObject(node, "");
    requireKnownFields(node, CONDITION_FIELDS);
    return new Condition(
        parsed("feature", text(node, "feature"), Feature::fromWire),
        parsed("op", text(node, "op"), Comparison::fromSymbol),
        number(node, "threshold"),
        node.has("full") ? number(node, "full") : Double.NaN);
  }

  /** Parses a text field, turning the parser's complaint into one about that field. */
  private static <T> T parsed(String field, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRuleException(field, e.getMessage());
    }
  }

  private static String label(JsonNode node, int index) {
    JsonNode id = node == null ? null : node.get("id");
    return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : "#" + (index + 1);
  }

  private static void requireObject(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw new InvalidRuleException(field, "must be an object");
    }
  }

  private static void requireKnownFields(JsonNode node, Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new InvalidRuleException(
            name, "unknown field (expected one of " + sorted(known) + ")");
      }
    }
  }

  private static JsonNode arrayField(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidRuleException(field, "missing");
    }
    if (!value.isArray()) {
      throw new InvalidRuleException(field, "must be an array");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidRuleException(field, "missing");
    }
    if (!value.isTextual()) {
      throw new InvalidRuleException(field, "must be a string");
    }
    // Ids, reason codes and details travel into every decision the rule fires on, and from there
    // to the database: a NUL would have each of them dead-lettered by the sink.
    String problem = WireValues.unprintable(value.asText());
    if (problem != null) {
      throw new InvalidRuleException(field, problem);
    }
    return value.asText();
  }

  private static double number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidRuleException(field, "missing");
    }
    if (!value.isNumber()) {
      throw new InvalidRuleException(field, "must be a number");
    }
    return value.asDouble();
  }

  private static boolean flag(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw new InvalidRuleException(field, "must be true or false");
    }
    return value.booleanValue();
  }

  private static String sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return String.join(", ", list);
  }
}
