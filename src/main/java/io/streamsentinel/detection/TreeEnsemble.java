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
 */
public final class TreeEnsemble {

  private static final int LEAF = -1;

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
  private final int[] split;
  private final float[] threshold;
  private final int[] left;
  private final int[] right;
  private final boolean[] defaultLeft;
  private final double[] value;

  private TreeEnsemble(Builder b) {
    this.inputCount = b.inputCount;
    this.baseMargin = b.baseMargin;
    this.roots = b.roots.stream().mapToInt(Integer::intValue).toArray();
    int n = b.split.size();
    this.split = new int[n];
    this.threshold = new float[n];
    this.left = new int[n];
    this.right = new int[n];
    this.defaultLeft = new boolean[n];
    this.value = new double[n];
    for (int i = 0; i < n; i++) {
      split[i] = b.split.get(i);
      threshold[i] = b.threshold.get(i);
      left[i] = b.left.get(i);
      right[i] = b.right.get(i);
      defaultLeft[i] = b.defaultLeft.get(i);
      value[i] = b.value.get(i);
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
    if (inputCount < 1) {
      throw new IllegalArgumentException("inputCount: at least 1, got " + inputCount);
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
    return split.length;
  }

  /** The margin every row starts from, before any tree. */
  public double baseMargin() {
    return baseMargin;
  }

  /** The margin (log odds) of one row of {@link #inputCount()} values. */
  public double margin(double[] row) {
    double sum = baseMargin;
    for (int root : roots) {
      sum += value[leafOf(root, row)];
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
      while (split[node] != LEAF) {
        int next = next(node, row);
        contributions[split[node]] += value[next] - value[node];
        node = next;
      }
      sum += value[node];
    }
    return sum;
  }

  private int leafOf(int root, double[] row) {
    int node = root;
    while (split[node] != LEAF) {
      node = next(node, row);
    }
    return node;
  }

  private int next(int node, double[] row) {
    double v = row[split[node]];
    if (Double.isNaN(v)) {
      return defaultLeft[node] ? left[node] : right[node];
    }
    return (float) v < threshold[node] ? left[node] : right[node];
  }

  /** The logistic function, {@code 1 / (1 + e^-x)}. */
  public static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /** Collects trees in XGBoost's array layout. Not thread-safe. */
  public static final class Builder {

    private final int inputCount;
    private final double baseMargin;
    private final List<Integer> roots = new ArrayList<>();
    private final List<Integer> split = new ArrayList<>();
    private final List<Float> threshold = new ArrayList<>();
    private final List<Integer> left = new ArrayList<>();
    private final List<Integer> right = new ArrayList<>();
    private final List<Boolean> defaultLeft = new ArrayList<>();
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
      int offset = split.size();
      double[] means = new double[n];
      boolean[] done = new boolean[n];
      for (int node = 0; node < n; node++) {
        boolean leaf = leftChildren[node] == LEAF && rightChildren[node] == LEAF;
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
      roots.add(offset);
      for (int node = 0; node < n; node++) {
        boolean leaf = leftChildren[node] == LEAF;
        split.add(leaf ? LEAF : splitInput[node]);
        threshold.add(splitValue[node]);
        left.add(leaf ? LEAF : offset + leftChildren[node]);
        right.add(leaf ? LEAF : offset + rightChildren[node]);
        defaultLeft.add(defaultLefts[node]);
        value.add(leaf ? splitValue[node] : means[node]);
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
      if (l[node] == LEAF) {
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
