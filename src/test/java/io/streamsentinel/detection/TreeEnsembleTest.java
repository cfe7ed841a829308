package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The flat-array evaluator on a hand-built ensemble of two trees over inputs x0 and x1, whose
 * margins and contributions are worked out by hand:
 *
 * <pre>
 * base margin -1.0
 * tree 0:  node 0: x0 &lt; 1, missing left          (cover 10, mean 0.52)
 *            node 1: leaf 0.5                      (cover 6)
 *            node 2: x1 &lt; 2, missing right        (cover 4, mean (-0.2·1 + 0.8·3)/4 = 0.55)
 *              node 3: leaf -0.2                   (cover 1)
 *              node 4: leaf 0.8                    (cover 3)
 *          mean of node 0 = (0.5·6 + 0.55·4)/10 = 0.52
 * tree 1:  node 0: x1 &lt; 0.5, missing left        (cover 8, mean (-0.4·2 + 0.3·6)/8 = 0.125)
 *            node 1: leaf -0.4                     (cover 2)
 *            node 2: leaf 0.3                      (cover 6)
 * bias = -1.0 + 0.52 + 0.125 = -0.355
 * </pre>
 */
class TreeEnsembleTest {

  private static final int NONE = -1;
  private static final double BIAS = -1.0 + 0.52 + 0.125;

  private static final TreeEnsemble TREES =
      TreeEnsemble.builder(2, -1.0)
          .addTree(
              new int[] {1, NONE, 3, NONE, NONE},
              new int[] {2, NONE, 4, NONE, NONE},
              new int[] {0, 0, 1, 0, 0},
              new float[] {1f, 0.5f, 2f, -0.2f, 0.8f},
              new boolean[] {true, false, false, false, false},
              new double[] {10, 6, 4, 1, 3})
          .addTree(
              new int[] {1, NONE, NONE},
              new int[] {2, NONE, NONE},
              new int[] {1, 0, 0},
              new float[] {0.5f, -0.4f, 0.3f},
              new boolean[] {true, false, false},
              new double[] {8, 2, 6})
          .build();

  private static double margin(double x0, double x1) {
    return TREES.margin(new double[] {x0, x1});
  }

  @Test
  void shouldDescribeItsShape() {
    assertThat(TREES.inputCount()).isEqualTo(2);
    assertThat(TREES.treeCount()).isEqualTo(2);
    assertThat(TREES.nodeCount()).isEqualTo(8);
    assertThat(TREES.baseMargin()).isEqualTo(-1.0);
  }

  @Test
  void shouldAddOneLeafPerTreeToTheBaseMargin() {
    // leaves: tree 0 / tree 1
    assertThat(margin(0, 5)).isCloseTo(-1.0 + 0.5 + 0.3, within(1e-7));
    assertThat(margin(2, 1)).isCloseTo(-1.0 - 0.2 + 0.3, within(1e-7));
    assertThat(margin(2, 3)).isCloseTo(-1.0 + 0.8 + 0.3, within(1e-7));
    assertThat(margin(0, 0)).isCloseTo(-1.0 + 0.5 - 0.4, within(1e-7));
  }

  @Test
  void shouldGiveTheLogisticOfTheMarginAsProbability() {
    double[] row = {2, 3};

    assertThat(TREES.probability(row))
        .isCloseTo(1 / (1 + Math.exp(-TREES.margin(row))), within(1e-15));
    assertThat(TreeEnsemble.sigmoid(0)).isEqualTo(0.5);
  }

  @Test
  void shouldGoRightWhenTheValueEqualsTheThreshold() {
    assertThat(margin(1.0, 3)).isCloseTo(-1.0 + 0.8 + 0.3, within(1e-7));
    assertThat(margin(Math.nextDown(1.0f), 3)).isCloseTo(-1.0 + 0.5 + 0.3, within(1e-7));
    // x1 = 0.5 at tree 1's threshold: right, leaf 0.3 rather than -0.4
    assertThat(margin(0, 0.5)).isCloseTo(-1.0 + 0.5 + 0.3, within(1e-7));
  }

  @Test
  void shouldCompareTheValueAsAFloatAsXgboostDoes() {
    // 1 - 1e-9 is below 1 as a double but rounds to 1.0f, so it goes right as in XGBoost.
    assertThat(margin(1 - 1e-9, 3)).isCloseTo(-1.0 + 0.8 + 0.3, within(1e-7));
  }

  @Test
  void shouldSendAMissingValueTheNodesDefaultWayEitherWay() {
    // x0 missing: tree 0's root defaults left (leaf 0.5), whatever x1 is
    assertThat(margin(Double.NaN, 5)).isCloseTo(-1.0 + 0.5 + 0.3, within(1e-7));
    // x1 missing: tree 0's node 2 defaults right (0.8), tree 1's root defaults left (-0.4)
    assertThat(margin(2, Double.NaN)).isCloseTo(-1.0 + 0.8 - 0.4, within(1e-7));
    // both missing: left in tree 0, left in tree 1
    assertThat(margin(Double.NaN, Double.NaN)).isCloseTo(-1.0 + 0.5 - 0.4, within(1e-7));
  }

  @Test
  void shouldAttributeTheMarginAlongEachPathByCoverWeightedMeans() {
    double[] contributions = new double[3];

    double margin = TREES.explain(new double[] {2, 3}, contributions);

    // tree 0: root 0.52 -> node 2 0.55 on x0 (+0.03), node 2 -> leaf 0.8 on x1 (+0.25)
    // tree 1: root 0.125 -> leaf 0.3 on x1 (+0.175)
    assertThat(margin).isCloseTo(0.1, within(1e-7));
    assertThat(contributions[0]).isCloseTo(0.03, within(1e-7));
    assertThat(contributions[1]).isCloseTo(0.25 + 0.175, within(1e-7));
    assertThat(contributions[2]).isCloseTo(BIAS, within(1e-7));
    assertThat(contributions[0] + contributions[1] + contributions[2])
        .isCloseTo(margin, within(1e-12));
  }

  @Test
  void shouldOverwriteEarlierContributionsAndSumToTheMarginOfEveryRow() {
    double[] contributions = {9, 9, 9};

    double margin = TREES.explain(new double[] {0, 0}, contributions);

    // tree 0: root 0.52 -> leaf 0.5 on x0 (-0.02); tree 1: root 0.125 -> leaf -0.4 on x1 (-0.525)
    assertThat(margin).isCloseTo(-0.9, within(1e-7));
    assertThat(contributions[0]).isCloseTo(-0.02, within(1e-7));
    assertThat(contributions[1]).isCloseTo(-0.525, within(1e-7));
    assertThat(contributions[2]).isCloseTo(BIAS, within(1e-7));
    double[][] rows = {{0, 5}, {2, 1}, {1, 0.5}, {Double.NaN, 3}, {2, Double.NaN}};
    for (double[] row : rows) {
      double m = TREES.explain(row, contributions);
      assertThat(contributions[0] + contributions[1] + contributions[2])
          .as("row %s", Arrays.toString(row))
          .isCloseTo(m, within(1e-12));
      assertThat(m).isEqualTo(TREES.margin(row));
    }
  }

  @Test
  void shouldAverageChildrenPlainlyWhenTheyHaveNoCover() {
    TreeEnsemble trees =
        TreeEnsemble.builder(1, 0)
            .addTree(
                new int[] {1, NONE, NONE},
                new int[] {2, NONE, NONE},
                new int[] {0, 0, 0},
                new float[] {0f, -1f, 3f},
                new boolean[] {false, false, false},
                new double[] {0, 0, 0})
            .build();
    double[] contributions = new double[2];

    trees.explain(new double[] {5}, contributions);

    assertThat(contributions[1]).isEqualTo(1.0); // (-1 + 3) / 2
    assertThat(contributions[0]).isEqualTo(2.0);
  }

  @Test
  void shouldRefuseAChildOutsideTheTreeNamingTreeAndNode() {
    TreeEnsemble.Builder builder = addStump(TreeEnsemble.builder(2, 0), 0);

    assertThatThrownBy(
            () ->
                builder.addTree(
                    new int[] {1, NONE, NONE},
                    new int[] {5, NONE, NONE},
                    new int[] {0, 0, 0},
                    new float[] {1f, 0f, 1f},
                    new boolean[] {false, false, false},
                    new double[] {2, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree 1 node 0: child 5 outside 1..2");
  }

  @Test
  void shouldRefuseAChildPointingBackNamingTreeAndNode() {
    assertThatThrownBy(
            () ->
                TreeEnsemble.builder(2, 0)
                    .addTree(
                        new int[] {1, NONE, 1, NONE, NONE},
                        new int[] {2, NONE, 3, NONE, NONE},
                        new int[] {0, 0, 1, 0, 0},
                        new float[] {1f, 0f, 1f, 0f, 0f},
                        new boolean[] {false, false, false, false, false},
                        new double[] {2, 1, 1, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tree 0 node 2: child 1 outside");
  }

  @Test
  void shouldRefuseASplitOnAnInputTheEnsembleDoesNotHave() {
    TreeEnsemble.Builder builder = addStump(TreeEnsemble.builder(2, 0), 1);

    assertThatThrownBy(() -> addStump(builder, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree 1 node 0: split input 2 outside 0..1");
    assertThatThrownBy(() -> addStump(builder, -1))
        .hasMessage("tree 1 node 0: split input -1 outside 0..1");
  }

  @Test
  void shouldRefuseANodeReachedTwice() {
    assertThatThrownBy(
            () ->
                TreeEnsemble.builder(1, 0)
                    .addTree(
                        new int[] {1, 2, NONE, NONE},
                        new int[] {2, 3, NONE, NONE},
                        new int[] {0, 0, 0, 0},
                        new float[] {1f, 2f, 0f, 0f},
                        new boolean[] {false, false, false, false},
                        new double[] {2, 1, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree 0: node 2 reached twice");
  }

  @Test
  void shouldRefuseALeafWithoutAFiniteValue() {
    assertThatThrownBy(
            () ->
                TreeEnsemble.builder(1, 0)
                    .addTree(
                        new int[] {1, NONE, NONE},
                        new int[] {2, NONE, NONE},
                        new int[] {0, 0, 0},
                        new float[] {1f, 0f, Float.NaN},
                        new boolean[] {false, false, false},
                        new double[] {2, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree 0 node 2: leaf value NaN");
  }

  @Test
  void shouldRefuseNodeArraysOfDifferentLengths() {
    assertThatThrownBy(
            () ->
                TreeEnsemble.builder(1, 0)
                    .addTree(
                        new int[] {1, NONE, NONE},
                        new int[] {2, NONE, NONE},
                        new int[] {0, 0},
                        new float[] {1f, 0f, 0f},
                        new boolean[] {false, false, false},
                        new double[] {2, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree 0: node arrays differ in length");
  }

  @Test
  void shouldScoreATreeAlikeHoweverItsNodesAreNumbered() {
    // Tree 0 of TREES, then the same tree numbered otherwise: the root's left child last, the
    // right one first. Any numbering where a child comes after its parent is XGBoost's to choose.
    TreeEnsemble asGiven =
        TreeEnsemble.builder(2, -1.0)
            .addTree(
                new int[] {1, NONE, 3, NONE, NONE},
                new int[] {2, NONE, 4, NONE, NONE},
                new int[] {0, 0, 1, 0, 0},
                new float[] {1f, 0.5f, 2f, -0.2f, 0.8f},
                new boolean[] {true, false, false, false, false},
                new double[] {10, 6, 4, 1, 3})
            .build();
    TreeEnsemble renumbered =
        TreeEnsemble.builder(2, -1.0)
            .addTree(
                new int[] {4, 2, NONE, NONE, NONE},
                new int[] {1, 3, NONE, NONE, NONE},
                new int[] {0, 1, 0, 0, 0},
                new float[] {1f, 2f, -0.2f, 0.8f, 0.5f},
                new boolean[] {true, false, false, false, false},
                new double[] {10, 4, 1, 3, 6})
            .build();
    double[][] rows = {{0.5, 0}, {3, 1}, {3, 5}, {Double.NaN, 1}, {2, Double.NaN}};
    for (double[] row : rows) {
      double[] expected = new double[3];
      double[] actual = new double[3];
      assertThat(renumbered.explain(row, actual)).isEqualTo(asGiven.explain(row, expected));
      assertThat(actual).containsExactly(expected);
      assertThat(renumbered.margin(row)).isEqualTo(asGiven.margin(row));
    }
  }

  @Test
  void shouldRefuseNoInputsMoreInputsThanASplitCanNameOrAnInfiniteBaseMargin() {
    assertThatThrownBy(() -> TreeEnsemble.builder(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inputCount");
    assertThatThrownBy(() -> TreeEnsemble.builder(TreeEnsemble.MAX_INPUTS + 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inputCount: 1 to 127");
    assertThatThrownBy(() -> TreeEnsemble.builder(1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseMargin");
  }

  /** Adds a one-split tree on {@code input}: below 1 leaf 0, else leaf 1. */
  private static TreeEnsemble.Builder addStump(TreeEnsemble.Builder builder, int input) {
    return builder.addTree(
        new int[] {1, NONE, NONE},
        new int[] {2, NONE, NONE},
        new int[] {input, 0, 0},
        new float[] {1f, 0f, 1f},
        new boolean[] {false, false, false},
        new double[] {2, 1, 1});
  }
}
