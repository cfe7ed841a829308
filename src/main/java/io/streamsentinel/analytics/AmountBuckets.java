package io.streamsentinel.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed amount buckets, in the transaction's currency units: [0, 10), [10, 50), [50, 100), [100,
 * 500), [500, 1,000), [1,000, 5,000), [5,000, ∞). Lower edges are inclusive. Fixed rather than
 * quantiles so that counts from different runs and batches add up bucket by bucket.
 */
public final class AmountBuckets {

  private static final long[] EDGES = {10, 50, 100, 500, 1_000, 5_000};
  private static final BigDecimal[] DECIMAL_EDGES = decimalEdges();
  private static final List<String> LABELS = buildLabels();

  private AmountBuckets() {}

  /** The label of {@code amount}'s bucket, e.g. {@code "100-500"} or {@code "5000+"}. */
  public static String bucketOf(BigDecimal amount) {
    for (int i = 0; i < DECIMAL_EDGES.length; i++) {
      if (amount.compareTo(DECIMAL_EDGES[i]) < 0) {
        return LABELS.get(i);
      }
    }
    return LABELS.get(LABELS.size() - 1);
  }

  /** Every label, smallest amounts first. */
  public static List<String> labels() {
    return LABELS;
  }

  private static List<String> buildLabels() {
    List<String> labels = new ArrayList<>();
    long lower = 0;
    for (long edge : EDGES) {
      labels.add(lower + "-" + edge);
      lower = edge;
    }
    labels.add(lower + "+");
    return List.copyOf(labels);
  }

  /** The position of a label in {@link #labels()}; unknown labels sort last. */
  public static int order(String label) {
    int index = LABELS.indexOf(label);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  private static BigDecimal[] decimalEdges() {
    BigDecimal[] edges = new BigDecimal[EDGES.length];
    for (int i = 0; i < EDGES.length; i++) {
      edges[i] = BigDecimal.valueOf(EDGES[i]);
    }
    return edges;
  }
}
