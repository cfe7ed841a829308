package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The padding of short branches ({@link TreeEnsemble.Builder#addTree}) changes how long each walk
 * is, never where it ends: on random ensembles of every shape, margins and contributions equal, bit
 * for bit, a plain walk over the trees as given.
 */
class TreeEnsemblePaddingTest {

  private static final int NONE = -1;
  private static final int INPUTS = 3;

  /** Thresholds few enough that rows often hit one exactly. */
  private static final float[] THRESHOLDS = {-1f, 0f, 0.5f, 2f};

  /** One tree in XGBoost's arrays, children numbered after their parent. */
  private record Tree(
      int[] left, int[] right, int[] split, float[] value, boolean[] defaultLeft, double[] cover) {

    void addTo(TreeEnsemble.Builder builder) {
      builder.addTree(left, right, split, value, defaultLeft, cover);
    }
  }

  @Test
  void shouldPadShorterTreesToTheDeepestOne() {
    Random random = new Random(5);
    TreeEnsemble.Builder builder = TreeEnsemble.builder(INPUTS, 0);
    full(5, random).addTo(builder); // 63 nodes, depth 5
    chain(5).addTo(builder); // 11 nodes, depth 5
    chain(1).addTo(builder); // 3 nodes, depth 1

    // all three to depth 5: 63 nodes each, 189 against 77 (2.45 times)
    assertThat(builder.build().paddedNodeCount()).isEqualTo(189);
    assertThat(builder.build().paddedNodeCount()).as("built again").isEqualTo(189);
  }

  @Test
  void shouldWalkTheTreesLeftOverAfterFoursAndSkipNodesNoBranchReaches() {
    Random random = new Random(9);
    List<Tree> given = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      given.add(full(5, random));
    }
    // the fifth tree, walked alone: depth 5 and a node (the last) that no split points to
    Tree last = full(5, random);
    int n = last.left().length;
    given.add(
        new Tree(
            Arrays.copyOf(last.left(), n + 1),
            Arrays.copyOf(last.right(), n + 1),
            Arrays.copyOf(last.split(), n + 1),
            Arrays.copyOf(last.value(), n + 1),
            Arrays.copyOf(last.defaultLeft(), n + 1),
            Arrays.copyOf(last.cover(), n + 1)));
    given.get(4).left()[n] = NONE;
    given.get(4).right()[n] = NONE;
    TreeEnsemble.Builder builder = TreeEnsemble.builder(INPUTS, -0.5);
    given.forEach(t -> t.addTo(builder));
    TreeEnsemble trees = builder.build();

    assertThat(trees.nodeCount()).isEqualTo(5 * 63);
    assertThat(trees.paddedNodeCount()).isEqualTo(5 * 63);
    for (int i = 0; i < 500; i++) {
      assertSameAsAPlainWalk(trees, given, -0.5, row(random));
    }
  }

  @Test
  void shouldLeaveAnEnsembleOfLopsidedTreesAsItIs() {
    TreeEnsemble.Builder builder = TreeEnsemble.builder(INPUTS, 0);
    chain(5).addTo(builder); // 11 nodes, depth 5
    chain(1).addTo(builder); // 3 nodes, depth 1

    // padded: 126 nodes against 14, more than 2.5 times
    assertThat(builder.build().paddedNodeCount()).isEqualTo(14);
  }

  @Test
  void shouldLeaveShallowTreesAsTheyAre() {
    TreeEnsemble.Builder builder = TreeEnsemble.builder(INPUTS, 0);
    full(3, new Random(3)).addTo(builder); // 15 nodes, depth 3
    chain(1).addTo(builder); // 3 nodes, depth 1

    // padded it would be 30 nodes against 18, but four walks of three steps cost more than they
    // save
    assertThat(builder.build().paddedNodeCount()).isEqualTo(18);
  }

  @Test
  void shouldLeaveAnEnsembleWithALopsidedTreeAsItIs() {
    // a chain of 20 splits: padded it would have 2^21 - 1 nodes instead of 41
    Tree chain = chain(20);
    TreeEnsemble.Builder builder = TreeEnsemble.builder(INPUTS, 0.25);
    chain.addTo(builder);
    TreeEnsemble trees = builder.build();

    assertThat(trees.nodeCount()).isEqualTo(41);
    assertThat(trees.paddedNodeCount()).isEqualTo(41);
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      assertSameAsAPlainWalk(trees, List.of(chain), 0.25, row(random));
    }
  }

  @Test
  void shouldScoreAndExplainEveryRowAsAPlainWalkDoes() {
    Random random = new Random(42);
    int padded = 0;
    for (int ensemble = 0; ensemble < 500; ensemble++) {
      double base = random.nextGaussian();
      List<Tree> given = new ArrayList<>();
      TreeEnsemble.Builder builder = TreeEnsemble.builder(INPUTS, base);
      int treeCount = 1 + random.nextInt(11);
      int maxDepth = 2 + random.nextInt(6); // as XGBoost's max_depth
      for (int t = 0; t < treeCount; t++) {
        Tree tree =
            random.nextInt(10) == 0 ? chain(1 + random.nextInt(maxDepth)) : tree(random, maxDepth);
        given.add(tree);
        tree.addTo(builder);
      }
      TreeEnsemble trees = builder.build();
      // padded, with four trees or more: walked side by side
      padded += trees.paddedNodeCount() > trees.nodeCount() && treeCount >= 4 ? 1 : 0;
      for (int i = 0; i < 50; i++) {
        assertSameAsAPlainWalk(trees, given, base, row(random));
      }
    }
    assertThat(padded).as("ensembles walked four trees at a time").isGreaterThan(100);
  }

  private static void assertSameAsAPlainWalk(
      TreeEnsemble trees, List<Tree> given, double base, double[] row) {
    double[] expected = new double[INPUTS + 1];
    double margin = plainWalk(given, base, row, expected);
    double[] actual = new double[INPUTS + 1];
    Arrays.fill(actual, 7.0);

    long bits = Double.doubleToRawLongBits(margin);
    assertThat(Double.doubleToRawLongBits(trees.explain(row, actual)))
        .as("row %s", Arrays.toString(row))
        .isEqualTo(bits);
    assertThat(actual).as("row %s", Arrays.toString(row)).containsExactly(expected);
    assertThat(Double.doubleToRawLongBits(trees.margin(row)))
        .as("row %s", Arrays.toString(row))
        .isEqualTo(bits);
  }

  /**
   * The margin and path attribution the plain way: down each tree as given, in tree order, adding
   * each step's difference of cover-weighted means to its split's input.
   */
  private static double plainWalk(List<Tree> trees, double base, double[] row, double[] out) {
    Arrays.fill(out, 0.0);
    double bias = base;
    double margin = base;
    for (Tree t : trees) {
      double[] means = new double[t.left().length];
      mean(t, 0, means);
      bias += means[0];
      int node = 0;
      while (t.left()[node] != NONE) {
        float v = (float) row[t.split()[node]];
        boolean left = Float.isNaN(v) ? t.defaultLeft()[node] : v < t.value()[node];
        int child = left ? t.left()[node] : t.right()[node];
        out[t.split()[node]] += means[child] - means[node];
        node = child;
      }
      margin += t.value()[node];
    }
    out[INPUTS] = bias;
    return margin;
  }

  private static double mean(Tree t, int node, double[] means) {
    if (t.left()[node] == NONE) {
      return means[node] = t.value()[node];
    }
    double lm = mean(t, t.left()[node], means);
    double rm = mean(t, t.right()[node], means);
    double cl = t.cover()[t.left()[node]];
    double cr = t.cover()[t.right()[node]];
    double total = cl + cr;
    return means[node] = total > 0 ? (lm * cl + rm * cr) / total : (lm + rm) / 2;
  }

  /** A random tree of depth up to {@code maxDepth}, numbered depth first, a leaf now and then. */
  private static Tree tree(Random random, int maxDepth) {
    Nodes n = new Nodes();
    grow(random, n, 0, maxDepth, false);
    return n.toTree();
  }

  private static int grow(Random random, Nodes n, int depth, int maxDepth, boolean full) {
    int node = n.add(random);
    if (depth < maxDepth && (depth == 0 || full || random.nextInt(8) > 0)) {
      n.left.set(node, grow(random, n, depth + 1, maxDepth, full));
      n.right.set(node, grow(random, n, depth + 1, maxDepth, full));
    }
    return node;
  }

  /** A tree with every leaf at {@code depth}. */
  private static Tree full(int depth, Random random) {
    Nodes n = new Nodes();
    grow(random, n, 0, depth, true);
    return n.toTree();
  }

  /** Each split's left child a leaf, its right child the next split. */
  private static Tree chain(int splits) {
    Random random = new Random(splits);
    Nodes n = new Nodes();
    int node = n.add(random);
    for (int i = 0; i < splits; i++) {
      int leaf = n.add(random);
      int next = n.add(random);
      n.left.set(node, leaf);
      n.right.set(node, next);
      node = next;
    }
    return n.toTree();
  }

  private static double[] row(Random random) {
    double[] row = new double[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      row[i] =
          switch (random.nextInt(6)) {
            case 0 -> Double.NaN;
            case 1 -> THRESHOLDS[random.nextInt(THRESHOLDS.length)];
            case 2 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            default -> random.nextGaussian() * 2;
          };
    }
    return row;
  }

  private static final class Nodes {
    final List<Integer> left = new ArrayList<>();
    final List<Integer> right = new ArrayList<>();
    final List<Integer> split = new ArrayList<>();
    final List<Float> value = new ArrayList<>();
    final List<Boolean> defaultLeft = new ArrayList<>();
    final List<Double> cover = new ArrayList<>();

    /** A new node, a leaf until given children; a split's value is then its threshold. */
    int add(Random random) {
      left.add(NONE);
      right.add(NONE);
      split.add(random.nextInt(INPUTS));
      boolean leaf = random.nextBoolean();
      value.add(
          leaf ? (float) random.nextGaussian() : THRESHOLDS[random.nextInt(THRESHOLDS.length)]);
      defaultLeft.add(random.nextBoolean());
      cover.add(random.nextInt(5) == 0 ? 0.0 : random.nextDouble() * 10);
      return left.size() - 1;
    }

    Tree toTree() {
      int n = left.size();
      int[] l = new int[n];
      int[] r = new int[n];
      int[] s = new int[n];
      float[] v = new float[n];
      boolean[] d = new boolean[n];
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        l[i] = left.get(i);
        r[i] = right.get(i);
        s[i] = split.get(i);
        v[i] = value.get(i);
        d[i] = defaultLeft.get(i);
        c[i] = cover.get(i);
      }
      return new Tree(l, r, s, v, d, c);
    }
  }
}
