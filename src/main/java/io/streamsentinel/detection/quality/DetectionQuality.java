package io.streamsentinel.detection.quality;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects (score, label, pattern) of scored transactions and reports precision, recall, F1, the
 * confusion matrix and ROC AUC, overall and per fraud pattern. Keeps every score (8 bytes each) for
 * the AUC. Not thread-safe: one accumulator per evaluation.
 */
public final class DetectionQuality {

  /** Pattern of a fraud whose {@code fraud_pattern} label is missing or blank. */
  public static final String UNSPECIFIED_PATTERN = "unspecified";

  private static final int INITIAL_CAPACITY = 1024;

  private final ScoreList negatives = new ScoreList();
  private final Map<String, ScoreList> positivesByPattern = new LinkedHashMap<>();

  /**
   * Counts one scored transaction.
   *
   * @param score in [0, 1]
   * @param fraud the ground-truth label
   * @param pattern the fraud pattern label; ignored for legitimate transactions; may be null
   */
  public void add(double score, boolean fraud, String pattern) {
    add(score, fraud, pattern, 1);
  }

  /**
   * Counts {@code count} scored transactions with the same score, label and pattern (a histogram
   * cell): the same as calling {@link #add(double, boolean, String)} {@code count} times.
   *
   * @throws IllegalArgumentException for a score outside [0, 1] or a negative or too large count
   */
  public void add(double score, boolean fraud, String pattern, long count) {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
    }
    if (count < 0 || count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("count must be in [0, 2^31 - 9] but was " + count);
    }
    if (count == 0) {
      return;
    }
    if (!fraud) {
      negatives.add(score, (int) count);
      return;
    }
    String key = pattern == null || pattern.isBlank() ? UNSPECIFIED_PATTERN : pattern;
    positivesByPattern.computeIfAbsent(key, k -> new ScoreList()).add(score, (int) count);
  }

  /** Transactions counted so far. */
  public long count() {
    long count = negatives.size;
    for (ScoreList positives : positivesByPattern.values()) {
      count += positives.size;
    }
    return count;
  }

  /** The figures at an alert threshold (score &ge; threshold raises an alert). */
  public QualityReport report(double threshold) {
    double[] sortedNegatives = negatives.toArray();
    Arrays.sort(sortedNegatives);
    long falsePositives = sortedNegatives.length - countBelow(sortedNegatives, threshold);
    long trueNegatives = sortedNegatives.length - falsePositives;
    Map<String, PatternQuality> perPattern = new TreeMap<>();
    double[] allPositives = new double[0];
    for (Map.Entry<String, ScoreList> entry : positivesByPattern.entrySet()) {
      double[] positives = entry.getValue().toArray();
      long detected = positives.length - countBelow(positives, threshold);
      ConfusionMatrix matrix =
          new ConfusionMatrix(detected, falsePositives, trueNegatives, positives.length - detected);
      perPattern.put(
          entry.getKey(),
          new PatternQuality(entry.getKey(), matrix, RocAuc.ofSorted(positives, sortedNegatives)));
      allPositives = concat(allPositives, positives);
    }
    long detected = allPositives.length - countBelow(allPositives, threshold);
    ConfusionMatrix overall =
        new ConfusionMatrix(
            detected, falsePositives, trueNegatives, allPositives.length - detected);
    return new QualityReport(
        threshold, overall, RocAuc.ofSorted(allPositives, sortedNegatives), perPattern);
  }

  private static long countBelow(double[] scores, double threshold) {
    long below = 0;
    for (double score : scores) {
      below += score < threshold ? 1 : 0;
    }
    return below;
  }

  private static double[] concat(double[] first, double[] second) {
    double[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  /** A growable array of primitive scores: millions of boxed Doubles would be ten times larger. */
  private static final class ScoreList {
    private double[] values = new double[INITIAL_CAPACITY];
    private int size;

    void add(double value, int count) {
      if (values.length - size < count) {
        long wanted = Math.max((long) values.length * 2, (long) size + count);
        values = Arrays.copyOf(values, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
      }
      Arrays.fill(values, size, size + count, value);
      size += count;
    }

    double[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
