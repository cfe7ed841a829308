package io.streamsentinel.detection.quality;

import java.util.Arrays;

/**
 * The area under the ROC curve by ranks (the Mann-Whitney statistic): the probability that a random
 * fraud scores higher than a random legitimate transaction, ties counting one half. Rule scores
 * take few distinct values, so ties are the rule here, not the exception. O((P + N) log N).
 */
public final class RocAuc {

  private RocAuc() {}

  /**
   * The AUC of positive against negative scores; NaN when either is empty.
   *
   * @param positives scores of frauds; not modified
   * @param negatives scores of legitimate transactions; not modified
   */
  public static double of(double[] positives, double[] negatives) {
    double[] sorted = negatives.clone();
    Arrays.sort(sorted);
    return ofSorted(positives, sorted);
  }

  /** As {@link #of}, with the negatives already sorted ascending. */
  static double ofSorted(double[] positives, double[] sortedNegatives) {
    if (positives.length == 0 || sortedNegatives.length == 0) {
      return Double.NaN;
    }
    double wins = 0;
    for (double score : positives) {
      int below = firstIndexNotBelow(sortedNegatives, score);
      int notAbove = firstIndexAbove(sortedNegatives, score);
      wins += below + 0.5 * (notAbove - below);
    }
    return wins / ((double) positives.length * sortedNegatives.length);
  }

  private static int firstIndexNotBelow(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static int firstIndexAbove(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] <= value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
