package io.streamsentinel.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A gradient-boosted tree ensemble in flat arrays: the margin (log odds) of one row is the base
 * margin plus one leaf value per tree. Splits follow XGBoost's rule: go left when {@code (float)
 * value < threshold}, follow the node's default direction when the value is missing (NaN).
 * Immutable and thread-safe.
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
 * keeps its value. Nodes are renumbered breadth first per tree when the ensemble is built; in an
 * ensemble of deep trees short branches are padded so that every walk takes the same number of
 * steps, and four trees are walked side by side ({@link Builder#build}, {@link #explain}). The
 * margin allocates nothing; the explanation of a padded ensemble one short array.
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
  private final int modelNodes;

  /**
   * The depth every leaf lies at, padded ({@link Builder#build}); 0 when the trees keep their own
   * shapes.
   */
  private final int depth;

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
    this.modelNodes = b.modelNodes;
    this.depth = b.depth;
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

  /**
   * How many nodes, leaves included, in all trees as the model has them (the copies that pad short
   * branches not counted).
   */
  public int nodeCount() {
    return modelNodes;
  }

  /** How many nodes the walks go through, the copies that pad short branches included. */
  int paddedNodeCount() {
    return nodes.length;
  }

  /** The margin every row starts from, before any tree. */
  public double baseMargin() {
    return baseMargin;
  }

  /** The margin (log odds) of one row of {@link #inputCount()} values. */
  public double margin(double[] row) {
    return depth > 0 ? marginFourAtATime(row) : marginFrom(0, baseMargin, row);
  }

  /** The margin with four walks side by side, as {@link #explainFourAtATime}. */
  private double marginFourAtATime(double[] row) {
    double sum = baseMargin;
    int t = 0;
    for (; t + 4 <= roots.length; t += 4) {
      int a = roots[t];
      int b = roots[t + 1];
      int c = roots[t + 2];
      int e = roots[t + 3];
      for (int level = 0; level < depth; level++) {
        a = next(nodes[a], row);
        b = next(nodes[b], row);
        c = next(nodes[c], row);
        e = next(nodes[e], row);
      }
      sum += value[a];
      sum += value[b];
      sum += value[c];
      sum += value[e];
    }
    return marginFrom(t, sum, row);
  }

  /** {@code margin} plus the leaves of the trees from {@code first} on, walked one by one. */
  private double marginFrom(int first, double margin, double[] row) {
    double sum = margin;
    for (int t = first; t < roots.length; t++) {
      int node = roots[t];
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
    return depth > 0
        ? explainFourAtATime(row, contributions)
        : explainFrom(0, baseMargin, row, contributions);
  }

  /**
   * Four walks side by side: the CPU works on four chains of dependent loads at once instead of
   * one. Each step is noted (split input high, child low) and added afterwards tree by tree, so the
   * contributions are summed in the same order as one walk after the other.
   */
  private double explainFourAtATime(double[] row, double[] contributions) {
    long[] path = new long[4 * depth];
    double sum = baseMargin;
    int t = 0;
    for (; t + 4 <= roots.length; t += 4) {
      int a = roots[t];
      int b = roots[t + 1];
      int c = roots[t + 2];
      int e = roots[t + 3];
      for (int level = 0; level < depth; level++) {
        long pa = nodes[a];
        long pb = nodes[b];
        long pc = nodes[c];
        long pe = nodes[e];
        a = next(pa, row);
        b = next(pb, row);
        c = next(pc, row);
        e = next(pe, row);
        path[level] = (long) split(pa) << 32 | a;
        path[depth + level] = (long) split(pb) << 32 | b;
        path[2 * depth + level] = (long) split(pc) << 32 | c;
        path[3 * depth + level] = (long) split(pe) << 32 | e;
      }
      for (long p : path) {
        contributions[(int) (p >>> 32)] += step[(int) p];
      }
      sum += value[a];
      sum += value[b];
      sum += value[c];
      sum += value[e];
    }
    return explainFrom(t, sum, row, contributions);
  }

  /** {@code margin} plus the leaves of the trees from {@code first} on, walked one by one. */
  private double explainFrom(int first, double margin, double[] row, double[] contributions) {
    double sum = margin;
    for (int t = first; t < roots.length; t++) {
      int node = roots[t];
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

    /**
     * How many times the nodes padding may make at most, in halves: 2.5 times. Walking four trees
     * side by side pays for padding up to about 2.8 times (measured with JMH: 1.5 to 1.8 times
     * faster at 1.6 times the nodes, half as fast at 5.4 times).
     */
    private static final int MAX_PADDING_HALVES = 5;

    /**
     * The shallowest ensemble padded and walked four trees at a time. JMH: an ensemble of depth 5
     * (100 trees) explained 1.5 to 1.8 times faster; one of depth 3 measured slower than before
     * both padded and not, the cause not settled, so shallower ensembles keep the walk one by one
     * that was measured before. Depth 4 was not measured.
     */
    private static final int MIN_PADDED_DEPTH = 5;

    private final List<Checked> trees = new ArrayList<>();
    private final List<Integer> roots = new ArrayList<>();
    private final List<Long> nodes = new ArrayList<>();
    private final List<Double> value = new ArrayList<>();
    private int modelNodes;
    private int depth;

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
      int tree = trees.size();
      int n = leftChildren.length;
      if (n == 0
          || rightChildren.length != n
          || splitInput.length != n
          || splitValue.length != n
          || defaultLefts.length != n
          || cover.length != n) {
        throw new IllegalArgumentException("tree " + tree + ": node arrays differ in length");
      }
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
      if (modelNodes + (long) reachable > MAX_NODES) {
        throw new IllegalArgumentException(
            "tree " + tree + ": the model has more than " + MAX_NODES + " nodes");
      }
      modelNodes += reachable;
      trees.add( // copies: the arrays are laid out only when the ensemble is built
          new Checked(
              leftChildren.clone(),
              rightChildren.clone(),
              splitInput.clone(),
              splitValue.clone(),
              defaultLefts.clone(),
              means,
              reachable,
              depth(leftChildren, rightChildren, done)));
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

    /** The number of steps from the root to the deepest leaf, for a tree already checked. */
    private static int depth(int[] left, int[] right, boolean[] reachable) {
      // Children are numbered after their parent (checked), so one pass in node order sees each
      // node's depth before its children's.
      int[] depths = new int[left.length];
      int deepest = 0;
      for (int node = 0; node < left.length; node++) {
        if (reachable[node] && left[node] != NONE) {
          depths[left[node]] = depths[node] + 1;
          depths[right[node]] = depths[node] + 1;
          deepest = Math.max(deepest, depths[node] + 1);
        }
      }
      return deepest;
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
      roots.clear();
      nodes.clear();
      value.clear();
      int deepest = 0;
      for (Checked t : trees) {
        deepest = Math.max(deepest, t.depth());
      }
      // Padded, every leaf lies at the same depth: a leaf above it becomes a split whose two
      // children are copies of it (on either side the same value, a step of 0), so every walk
      // through every tree takes the same number of steps, and the walks of four trees can go down
      // side by side (explain). Only for deep enough trees and where that at most
      // multiplies the nodes by 2.5; other ensembles keep their shapes.
      long padded = deepest < 30 ? ((2L << deepest) - 1) * trees.size() : Long.MAX_VALUE;
      boolean pad =
          deepest >= MIN_PADDED_DEPTH
              && padded <= MAX_NODES // first: it also keeps 2 * padded from overflowing
              && 2 * padded <= (long) MAX_PADDING_HALVES * modelNodes;
      depth = pad ? deepest : 0;
      for (Checked t : trees) {
        lay(t, depth);
      }
      return new TreeEnsemble(this);
    }

    /** Appends one tree breadth first, its leaves above {@code padTo} padded down to it. */
    private void lay(Checked t, int padTo) {
      int offset = nodes.size();
      roots.add(offset);
      int size = padTo > 0 ? (2 << padTo) - 1 : t.reachable();
      // Padded, the tree is complete: the first 2^padTo - 1 places breadth first lie above padTo.
      int above = (1 << padTo) - 1;
      // Breadth first, so that each node's children take two neighbouring places.
      int[] order = new int[size];
      int placed = 1;
      for (int k = 0; k < placed; k++) {
        int node = order[k];
        boolean leaf = t.left()[node] == NONE;
        if (leaf && k >= above) {
          nodes.add(pack(0f, LEAF, false, 0));
          value.add((double) t.splitValue()[node]);
          continue;
        }
        if (leaf) { // above the depth: a split into two copies of itself
          nodes.add(pack(0f, 0, false, offset + placed));
          value.add((double) t.splitValue()[node]);
          order[placed] = node;
          order[placed + 1] = node;
        } else {
          nodes.add(
              pack(t.splitValue()[node], t.split()[node], t.defaultLeft()[node], offset + placed));
          value.add(t.means()[node]);
          order[placed] = t.left()[node];
          order[placed + 1] = t.right()[node];
        }
        placed += 2;
      }
    }

    /** A tree as {@link #addTree} checked it, with its nodes' means. */
    private record Checked(
        int[] left,
        int[] right,
        int[] split,
        float[] splitValue,
        boolean[] defaultLeft,
        double[] means,
        int reachable,
        int depth) {}
  }
}
