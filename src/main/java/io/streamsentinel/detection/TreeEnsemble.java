package io.streamsentinel.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A gradient-boosted tree ensemble in flat arrays, evaluated without allocation: the margin (log
 * odds) of one row is the base margin plus one leaf value per tree. Splits follow XGBoost's rule:
 * go left when {@code (float) value < threshold}, follow the node's default direction when the
 * value is missing (NaN). Immutable and thread-safe.
 *
 * <p>{@link #explain} attributes the margin to the inputs along each tree's decision path (path
 * attribution, as XGBoost's approximate contributions): every node holds the cover-weighted mean of
 * the leaves below it, and each step from a node to its child adds the difference of their means to
 * the node's split input. The contributions plus the bias (the base margin and the roots' means)
 * add up to the margin exactly. It costs one walk per tree, like the margin itself.
 *
 * <p>Layout: the walk is this class's whole cost on the detector's stream thread, so each node is
 * one {@code long} (threshold, split input, default direction, first child), a node's two children
 * sit side by side (left, then right), and the step down is arithmetic rather than a branch the CPU
 * mispredicts half the time. The difference of means a step adds is precomputed per child; a leaf
 * keeps its value. Nodes are renumbered breadth first per tree when the trees are added.
 */
public final class TreeEnsemble {

  /** The split-input bits of a leaf: no input has this index ({@link #MAX_INPUTS}). */
  private static final int LEAF = (1 << 7) - 1;

  /** Inputs a split can name: 7 bits, the leaf marker excluded. */
  static final int MAX_INPUTS = LEAF;

  /** Nodes an ensemble can hold: the first child's index has 24 bits. */
  static final int MAX_NODES = 1 << 24;

  private static final int SPLIT_SHIFT = 24;
  private static final int DEFAULT_LEFT_SHIFT = 31;
  private static final int CHILD_MASK = MAX_NODES - 1;

  /**
   * Deepest tree accepted. XGBoost grows trees of depth 6 by default and rarely past 20; the limit
   * only keeps a corrupt or hostile model (a chain of nodes) from overflowing the stack of the
   * recursive walk that computes the node means while the model is read.
   */
  static final int MAX_DEPTH = 1_000;

  private final int inputCount;
  private final double baseMargin;
  private final double bias;
  private final int[] roots;

  /**
   * One per node: the threshold's float bits in the high 32 bits; in the low 32, from the top, the
   * default direction (1 = left, 1 bit), the split input ({@link #LEAF} for a leaf, 7 bits) and the
   * index of the left child (the right one follows it; 24 bits).
   */
  private final long[] nodes;

  /** Per node: its mean minus its parent's (0 for a root), what a step into it contributes. */
  private final double[] step;

  /** Per node: a leaf's value (XGBoost's), a split node's cover-weighted mean. */
  private final double[] value;

  private TreeEnsemble(Builder b) {
    this.inputCount = b.inputCount;
    this.baseMargin = b.baseMargin;
    this.roots = b.roots.stream().mapToInt(Integer::intValue).toArray();
    int n = b.nodes.size();
    this.nodes = new long[n];
    this.step = new double[n];
    this.value = new double[n];
    for (int i = 0; i < n; i++) {
      nodes[i] = b.nodes.get(i);
      value[i] = b.value.get(i);
    }
    for (int i = 0; i < n; i++) {
      if (!isLeaf(nodes[i])) {
        int child = child(nodes[i]);
        step[child] = value[child] - value[i];
        step[child + 1] = value[child + 1] - value[i];
      }
    }
    double sum = baseMargin;
    for (int root : roots) {
      sum += value[root];
    }
    this.bias = sum;
  }

  /**
   * A builder of an ensemble over {@code inputCount} inputs.
   *
   * @param baseMargin the margin every row starts from (XGBoost's base score, as log odds)
   */
  public static Builder builder(int inputCount, double baseMargin) {
    if (inputCount < 1 || inputCount > MAX_INPUTS) {
      throw new IllegalArgumentException("inputCount: 1 to " + MAX_INPUTS + ", got " + inputCount);
    }
    if (!Double.isFinite(baseMargin)) {
      throw new IllegalArgumentException("baseMargin: must be finite, got " + baseMargin);
    }
    return new Builder(inputCount, baseMargin);
  }

  /** How many inputs a row has. */
  public int inputCount() {
    return inputCount;
  }

  /** How many trees. */
  public int treeCount() {
    return roots.length;
  }

  /** How many nodes, leaves included, in all trees. */
  public int nodeCount() {
    return nodes.length;
  }

  /** The margin every row starts from, before any tree. */
  public double baseMargin() {
    return baseMargin;
  }

  /** The margin (log odds) of one row of {@link #inputCount()} values. */
  public double margin(double[] row) {
    double sum = baseMargin;
    for (int root : roots) {
      int node = root;
      long packed;
      while (!isLeaf(packed = nodes[node])) {
        node = next(packed, row);
      }
      sum += value[node];
    }
    return sum;
  }

  /** The probability of the positive class: the logistic function of the {@link #margin}. */
  public double probability(double[] row) {
    return sigmoid(margin(row));
  }

  /**
   * The margin of one row, with each input's share of it written to {@code contributions}.
   *
   * @param contributions at least {@link #inputCount()} + 1 long; overwritten: input {@code i}'s
   *     contribution at {@code i}, the bias at {@link #inputCount()}; together they add up to the
   *     returned margin
   */
  public double explain(double[] row, double[] contributions) {
    Arrays.fill(contributions, 0, inputCount, 0.0);
    contributions[inputCount] = bias;
    double sum = baseMargin;
    for (int root : roots) {
      int node = root;
      long packed;
      while (!isLeaf(packed = nodes[node])) {
        node = next(packed, row);
        contributions[split(packed)] += step[node];
      }
      sum += value[node];
    }
    return sum;
  }

  /**
   * The child a row goes to: XGBoost's {@code (float) value < threshold} goes left; a missing value
   * (NaN, for which the comparison is false) follows the default direction.
   */
  private static int next(long packed, double[] row) {
    float v = (float) row[split(packed)];
    int right = v < Float.intBitsToFloat((int) (packed >>> 32)) ? 0 : 1;
    int missingLeft = v != v ? (int) (packed >>> DEFAULT_LEFT_SHIFT) & 1 : 0;
    return child(packed) + (right ^ missingLeft);
  }

  private static boolean isLeaf(long packed) {
    return split(packed) == LEAF;
  }

  private static int split(long packed) {
    return (int) (packed >>> SPLIT_SHIFT) & LEAF;
  }

  private static int child(long packed) {
    return (int) packed & CHILD_MASK;
  }

  private static long pack(float threshold, int split, boolean defaultLeft, int child) {
    return ((long) Float.floatToRawIntBits(threshold) << 32)
        | ((defaultLeft ? 1L : 0L) << DEFAULT_LEFT_SHIFT)
        | ((long) split << SPLIT_SHIFT)
        | child;
  }

  /** The logistic function, {@code 1 / (1 + e^-x)}. */
  public static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /** Collects trees in XGBoost's array layout. Not thread-safe. */
  public static final class Builder {

    private final int inputCount;
    private final double baseMargin;

    /** A missing child in XGBoost's arrays. */
    private static final int NONE = -1;

    private final List<Integer> roots = new ArrayList<>();
    private final List<Long> nodes = new ArrayList<>();
    private final List<Double> value = new ArrayList<>();

    private Builder(int inputCount, double baseMargin) {
      this.inputCount = inputCount;
      this.baseMargin = baseMargin;
    }

    /**
     * Adds one tree, its nodes numbered from 0 (the root), children as node numbers and {@code -1}
     * for none; a node is a leaf when both children are -1.
     *
     * @param splitInput the input each split node tests
     * @param splitValue a split node's threshold, a leaf's value (XGBoost's {@code
     *     split_conditions})
     * @param cover the training weight (sum of hessians) that reached each node
     * @throws IllegalArgumentException naming the tree and node of any inconsistency
     */
    public Builder addTree(
        int[] leftChildren,
        int[] rightChildren,
        int[] splitInput,
        float[] splitValue,
        boolean[] defaultLefts,
        double[] cover) {
      int tree = roots.size();
      int n = leftChildren.length;
      if (n == 0
          || rightChildren.length != n
          || splitInput.length != n
          || splitValue.length != n
          || defaultLefts.length != n
          || cover.length != n) {
        throw new IllegalArgumentException("tree " + tree + ": node arrays differ in length");
      }
      int offset = nodes.size();
      double[] means = new double[n];
      boolean[] done = new boolean[n];
      for (int node = 0; node < n; node++) {
        boolean leaf = leftChildren[node] == NONE && rightChildren[node] == NONE;
        if (!leaf) {
          checkChild(tree, node, leftChildren[node], n);
          checkChild(tree, node, rightChildren[node], n);
          if (splitInput[node] < 0 || splitInput[node] >= inputCount) {
            throw new IllegalArgumentException(
                "tree "
                    + tree
                    + " node "
                    + node
                    + ": split input "
                    + splitInput[node]
                    + " outside 0.."
                    + (inputCount - 1));
          }
        } else if (!Float.isFinite(splitValue[node])) {
          throw new IllegalArgumentException(
              "tree " + tree + " node " + node + ": leaf value " + splitValue[node]);
        }
      }
      mean(0, leftChildren, rightChildren, splitValue, cover, means, done, tree, 0);
      int reachable = 0;
      for (boolean d : done) {
        reachable += d ? 1 : 0;
      }
      if (offset + reachable > MAX_NODES) {
        throw new IllegalArgumentException(
            "tree " + tree + ": the model has more than " + MAX_NODES + " nodes");
      }
      roots.add(offset);
      // Breadth first, so that each node's children take two neighbouring places.
      int[] order = new int[reachable];
      int placed = 1;
      for (int k = 0; k < reachable; k++) {
        int node = order[k];
        if (leftChildren[node] == NONE) {
          nodes.add(pack(0f, LEAF, false, 0));
          value.add((double) splitValue[node]);
        } else {
          nodes.add(pack(splitValue[node], splitInput[node], defaultLefts[node], offset + placed));
          value.add(means[node]);
          order[placed++] = leftChildren[node];
          order[placed++] = rightChildren[node];
        }
      }
      return this;
    }

    private static void checkChild(int tree, int node, int child, int n) {
      if (child <= node || child >= n) {
        throw new IllegalArgumentException(
            "tree "
                + tree
                + " node "
                + node
                + ": child "
                + child
                + " outside "
                + (node + 1)
                + ".."
                + (n - 1));
      }
    }

    /** The cover-weighted mean of the leaves under {@code node}, as XGBoost computes it. */
    private static double mean(
        int node,
        int[] l,
        int[] r,
        float[] values,
        double[] cover,
        double[] means,
        boolean[] done,
        int tree,
        int depth) {
      if (done[node]) {
        throw new IllegalArgumentException("tree " + tree + ": node " + node + " reached twice");
      }
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException(
            "tree " + tree + ": node " + node + " lies deeper than " + MAX_DEPTH + " levels");
      }
      done[node] = true;
      if (l[node] == NONE) {
        means[node] = values[node];
      } else {
        double lm = mean(l[node], l, r, values, cover, means, done, tree, depth + 1);
        double rm = mean(r[node], l, r, values, cover, means, done, tree, depth + 1);
        double total = cover[l[node]] + cover[r[node]];
        means[node] =
            total > 0 ? (lm * cover[l[node]] + rm * cover[r[node]]) / total : (lm + rm) / 2;
      }
      return means[node];
    }

    public TreeEnsemble build() {
      return new TreeEnsemble(this);
    }
  }
}
