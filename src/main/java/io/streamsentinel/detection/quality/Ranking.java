package io.streamsentinel.detection.quality;

import java.util.Arrays;

/**
 * How well scores rank frauds above legitimate transactions, in the figures a fraud team compares
 * scorers by: ROC AUC, the area under the precision-recall curve (average precision: with 1 % fraud
 * a scorer can reach a high ROC AUC and still alert mostly on legitimate customers), and precision
 * and recall at a threshold and at a target recall.
 *
 * <p>Immutable.
 */
public final class Ranking {

  private final double rocAuc;
  private final double prAuc;
  private final long frauds;
  private final double[] sortedScores;
  private final boolean[] sortedFraud;

  private Ranking(
      double rocAuc, double prAuc, long frauds, double[] sortedScores, boolean[] sortedFraud) {
    this.rocAuc = rocAuc;
    this.prAuc = prAuc;
    this.frauds = frauds;
    this.sortedScores = sortedScores;
    this.sortedFraud = sortedFraud;
  }

  /** ROC AUC; NaN when either class is absent. */
  public double rocAuc() {
    return rocAuc;
  }

  /** Average precision; NaN without frauds. */
  public double prAuc() {
    return prAuc;
  }

  /** How many of the scores are frauds. */
  public long frauds() {
    return frauds;
  }

  /** How many scores. */
  public long total() {
    return sortedScores.length;
  }

  /**
   * The ranking of these scores.
   *
   * @param scores one per example
   * @param fraud the example's label, same order
   */
  public static Ranking of(double[] scores, boolean[] fraud) {
    if (scores.length != fraud.length) {
      throw new IllegalArgumentException("scores and labels differ in length");
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    double[] sortedScores = new double[scores.length];
    boolean[] sortedFraud = new boolean[scores.length];
    long frauds = 0;
    for (int i = 0; i < order.length; i++) {
      sortedScores[i] = scores[order[i]];
      sortedFraud[i] = fraud[order[i]];
      frauds += sortedFraud[i] ? 1 : 0;
    }
    double[] pos = new double[(int) frauds];
    double[] neg = new double[scores.length - (int) frauds];
    int p = 0;
    int n = 0;
    for (int i = 0; i < scores.length; i++) {
      if (fraud[i]) {
        pos[p++] = scores[i];
      } else {
        neg[n++] = scores[i];
      }
    }
    return new Ranking(
        RocAuc.of(pos, neg),
        averagePrecision(sortedScores, sortedFraud, frauds),
        frauds,
        sortedScores,
        sortedFraud);
  }

  /** Precision and recall of alerting at {@code score >= threshold}. */
  public ConfusionMatrix at(double threshold) {
    long tp = 0;
    long alerts = 0;
    for (int i = 0; i < sortedScores.length && sortedScores[i] >= threshold; i++) {
      alerts++;
      tp += sortedFraud[i] ? 1 : 0;
    }
    long fp = alerts - tp;
    return new ConfusionMatrix(tp, fp, sortedScores.length - frauds - fp, frauds - tp);
  }

  /**
   * The highest threshold whose recall reaches {@code recall}, ties kept together: the operating
   * point a team would pick to catch that share of fraud. NaN without frauds.
   */
  public double thresholdForRecall(double recall) {
    if (frauds == 0) {
      return Double.NaN;
    }
    // The product is rounded (0.07 * 100 is 7.000000000000001): a hair below it, so a whole
    // number of frauds does not become one more.
    long needed = (long) Math.ceil(recall * frauds * (1 - 1e-12));
    long tp = 0;
    for (int i = 0; i < sortedScores.length; i++) {
      tp += sortedFraud[i] ? 1 : 0;
      boolean groupEnds = i + 1 == sortedScores.length || sortedScores[i + 1] < sortedScores[i];
      if (tp >= needed && groupEnds) {
        return sortedScores[i];
      }
    }
    return sortedScores[sortedScores.length - 1];
  }

  /** The precision at the threshold where recall first reaches {@code recall}. */
  public double precisionAtRecall(double recall) {
    double threshold = thresholdForRecall(recall);
    return Double.isNaN(threshold) ? Double.NaN : at(threshold).precision();
  }

  /** Average precision over the ranked list, tied scores taken as one step. */
  private static double averagePrecision(double[] scores, boolean[] fraud, long frauds) {
    if (frauds == 0) {
      return Double.NaN;
    }
    double area = 0;
    long tp = 0;
    long seen = 0;
    long tpBefore = 0;
    for (int i = 0; i < scores.length; i++) {
      seen++;
      tp += fraud[i] ? 1 : 0;
      boolean groupEnds = i + 1 == scores.length || scores[i + 1] < scores[i];
      if (groupEnds) {
        area += (double) (tp - tpBefore) / frauds * ((double) tp / seen);
        tpBefore = tp;
      }
    }
    return area;
  }

  @Override
  public String toString() {
    return "Ranking[roc_auc=" + rocAuc + ", pr_auc=" + prAuc + ", " + frauds + "/" + total() + "]";
  }
}
