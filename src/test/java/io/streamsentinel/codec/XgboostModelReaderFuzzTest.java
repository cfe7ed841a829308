package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.detection.TreeEnsemble;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes {@link XgboostModelReader#read}: a model it cannot evaluate is refused with an {@link
 * IllegalArgumentException}, and a model it accepts scores every row with a probability. (A tree
 * ensemble has no encoder: the registry keeps the model's own bytes.)
 */
class XgboostModelReaderFuzzTest {

  private static final int INPUTS = 3;

  /** Two small models in XGBoost's JSON, as 2.x and 1.x write the base score. */
  static final List<byte[]> SEEDS = List.of(model("\"[5E-1]\""), model("0.25"));

  static byte[] model(String baseScore) {
    String tree =
        "{\"tree_param\":{\"num_nodes\":\"5\",\"size_leaf_vector\":\"1\"},"
            + "\"split_type\":[0,0,0,0,0],\"default_left\":[1,0,0,1,0],"
            + "\"split_conditions\":[0.5,2.5,-0.2,0.3,0.1],"
            + "\"sum_hessian\":[10,6,4,3,3],"
            + "\"left_children\":[1,3,-1,-1,-1],\"right_children\":[2,4,-1,-1,-1],"
            + "\"split_indices\":[0,2,0,0,0]}";
    return Mutations.utf8(
        "{\"learner\":{\"objective\":{\"name\":\"binary:logistic\"},"
            + "\"learner_model_param\":{\"num_feature\":\""
            + INPUTS
            + "\",\"num_target\":\"1\",\"num_class\":\"0\",\"base_score\":"
            + baseScore
            + "},\"gradient_booster\":{\"name\":\"gbtree\",\"model\":{\"trees\":["
            + tree
            + ","
            + tree
            + "]}}},\"version\":[3,0,0]}");
  }

  @Provide
  Arbitrary<Mutations.Mutant> models() {
    return Mutations.ofJson(SEEDS);
  }

  @Property
  void shouldRefuseOnlyWithIllegalArgumentExceptionAndScoreWhatItAccepts(
      @ForAll("models") Mutations.Mutant input) {
    var model =
        Decoding.accepted(
            IllegalArgumentException.class, () -> XgboostModelReader.read(input.bytes(), INPUTS));
    Decoding.countAccepted(model.isPresent(), 5);
    model.ifPresent(
        (TreeEnsemble trees) -> {
          for (double[] row : new double[][] {{0, 0, 0}, {1, 3, -1}, {Double.NaN, 1e300, -0.0}}) {
            assertThat(trees.probability(row)).isBetween(0.0, 1.0);
          }
        });
  }

  /** A degenerate tree, every split's left child a leaf and its right child the next split. */
  static byte[] chain(int splits) {
    int n = 2 * splits + 1;
    StringBuilder left = new StringBuilder();
    StringBuilder right = new StringBuilder();
    StringBuilder zeros = new StringBuilder();
    StringBuilder ones = new StringBuilder();
    for (int node = 0; node < n; node++) {
      String sep = node == 0 ? "" : ",";
      boolean split = node % 2 == 0 && node < n - 1;
      left.append(sep).append(split ? node + 1 : -1);
      right.append(sep).append(split ? node + 2 : -1);
      zeros.append(sep).append(0);
      ones.append(sep).append(1);
    }
    String tree =
        "{\"tree_param\":{\"size_leaf_vector\":\"1\"},\"split_type\":["
            + zeros
            + "],\"default_left\":["
            + zeros
            + "],\"split_conditions\":["
            + ones
            + "],\"sum_hessian\":["
            + ones
            + "],\"left_children\":["
            + left
            + "],\"right_children\":["
            + right
            + "],\"split_indices\":["
            + zeros
            + "]}";
    return Mutations.utf8(
        "{\"learner\":{\"objective\":{\"name\":\"binary:logistic\"},"
            + "\"learner_model_param\":{\"num_feature\":\"3\",\"base_score\":\"[5E-1]\"},"
            + "\"gradient_booster\":{\"name\":\"gbtree\",\"model\":{\"trees\":["
            + tree
            + "]}}}}");
  }

  @Example
  void shouldRefuseOrReadATreeDeeperThanTheStackWithoutOverflowing() {
    byte[] deep = chain(50_000);
    Decoding.accepted(IllegalArgumentException.class, () -> XgboostModelReader.read(deep, INPUTS));
  }
}
