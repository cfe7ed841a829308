package io.streamsentinel.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.detection.TreeEnsemble;
import java.io.IOException;

/**
 * Reads a model in XGBoost's own JSON format ({@code Booster.toByteArray("json")}, the format its
 * documentation names as the stable one) into a {@link TreeEnsemble}, so the detector evaluates the
 * trees in plain Java without the native library. Only what the detector can evaluate exactly is
 * accepted: a {@code gbtree} booster with the {@code binary:logistic} objective, one target,
 * numerical splits and one value per leaf. Anything else is refused with the reason.
 */
public final class XgboostModelReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private XgboostModelReader() {}

  /**
   * @param json the model bytes
   * @param inputCount the inputs the caller will feed; the model must not split on more
   * @throws IllegalArgumentException naming what is wrong or unsupported
   */
  public static TreeEnsemble read(byte[] json, int inputCount) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an XGBoost JSON model: " + e.getMessage(), e);
    }
    JsonNode learner = required(root, "learner");
    String objective = required(required(learner, "objective"), "name").asText();
    if (!"binary:logistic".equals(objective)) {
      throw new IllegalArgumentException(
          "objective " + objective + " is not supported; train with binary:logistic");
    }
    JsonNode params = required(learner, "learner_model_param");
    if (intParam(params, "num_target", 1) != 1 || intParam(params, "num_class", 0) > 1) {
      throw new IllegalArgumentException("only single-target binary models are supported");
    }
    int modelInputs = intParam(params, "num_feature", -1);
    if (modelInputs != inputCount) {
      throw new IllegalArgumentException(
          "the model takes " + modelInputs + " inputs, its schema names " + inputCount);
    }
    double baseScore = baseScore(required(params, "base_score").asText());
    JsonNode booster = required(learner, "gradient_booster");
    String name = required(booster, "name").asText();
    if (!"gbtree".equals(name)) {
      throw new IllegalArgumentException("booster " + name + " is not supported; use gbtree");
    }
    TreeEnsemble.Builder builder =
        TreeEnsemble.builder(inputCount, Math.log(baseScore / (1 - baseScore)));
    JsonNode trees = array(required(booster, "model"), "trees");
    for (int t = 0; t < trees.size(); t++) {
      addTree(builder, trees.get(t), t);
    }
    return builder.build();
  }

  private static void addTree(TreeEnsemble.Builder builder, JsonNode tree, int index) {
    JsonNode param = required(tree, "tree_param");
    if (intParam(param, "size_leaf_vector", 1) > 1) {
      throw new IllegalArgumentException("tree " + index + ": vector leaves are not supported");
    }
    int[] splitTypes = ints(array(tree, "split_type"));
    for (int type : splitTypes) {
      if (type != 0) {
        throw new IllegalArgumentException(
            "tree " + index + ": categorical splits are not supported");
      }
    }
    int[] defaults = ints(array(tree, "default_left"));
    boolean[] defaultLeft = new boolean[defaults.length];
    for (int i = 0; i < defaults.length; i++) {
      defaultLeft[i] = defaults[i] != 0;
    }
    JsonNode conditions = array(tree, "split_conditions");
    float[] values = new float[conditions.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) conditions.get(i).asDouble();
    }
    JsonNode hessians = array(tree, "sum_hessian");
    double[] cover = new double[hessians.size()];
    for (int i = 0; i < cover.length; i++) {
      cover[i] = hessians.get(i).asDouble();
    }
    builder.addTree(
        ints(array(tree, "left_children")),
        ints(array(tree, "right_children")),
        ints(array(tree, "split_indices")),
        values,
        defaultLeft,
        cover);
  }

  /** XGBoost 2+ writes the base score as {@code "[1.26E-1]"} (one per target), 1.x as a number. */
  private static double baseScore(String text) {
    String plain =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    double value;
    try {
      value = Double.parseDouble(plain);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("base_score '" + text + "' is not a number", e);
    }
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException("base_score " + value + " is not a probability");
    }
    return value;
  }

  private static int intParam(JsonNode params, String name, int absent) {
    JsonNode value = params.get(name);
    if (value == null) {
      return absent;
    }
    try {
      return Integer.parseInt(value.asText());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " '" + value.asText() + "' is not a whole number", e);
    }
  }

  private static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }

  /** The field's JSON array: an object in its place would read as an array of nulls. */
  private static JsonNode array(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isArray()) {
      throw new IllegalArgumentException("the model's '" + field + "' is not an array");
    }
    return value;
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("the model has no '" + field + "'");
    }
    return value;
  }
}
