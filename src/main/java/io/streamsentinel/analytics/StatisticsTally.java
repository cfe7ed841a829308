package io.streamsentinel.analytics;

import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.TransactionLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The aggregate deltas of one batch of decisions: what the batch adds to each bucket, to the score
 * histogram (overall and per model group and scorer) and to the totals. Pure; one tally per batch;
 * not thread-safe.
 */
public final class StatisticsTally {

  /**
   * Longest bucket, pattern or model name counted, the detector's own bound on text fields. Each is
   * part of a statistics table's primary key, and PostgreSQL refuses an index entry over 8 KB: one
   * decision with kilobytes of category (which no detector writes) failed every retry of its batch
   * and stopped the analytics.
   */
  static final int MAX_NAME_CHARS = TransactionLimits.DEFAULT_MAX_TEXT_CHARS;

  private final double alertThreshold;
  private final Map<Dimension, Map<String, BucketCounts>> buckets = new EnumMap<>(Dimension.class);
  private final SortedMap<ScoreCell, Long> histogram = new TreeMap<>();
  private final SortedMap<ModelScoreCell, Long> modelHistogram = new TreeMap<>();
  private final Map<Counter, Long> counters = new EnumMap<>(Counter.class);

  /**
   * @param alertThreshold scores at or above it count as alerts
   */
  public StatisticsTally(double alertThreshold) {
    if (!(alertThreshold >= 0 && alertThreshold <= 1)) {
      throw new IllegalArgumentException("alert threshold must be in [0, 1]: " + alertThreshold);
    }
    this.alertThreshold = alertThreshold;
  }

  public double alertThreshold() {
    return alertThreshold;
  }

  /**
   * Counts one decision.
   *
   * @throws IllegalArgumentException when its score or rules' score is outside [0, 1], or a name it
   *     is counted under is longer than {@link #MAX_NAME_CHARS}; nothing is counted then
   */
  public void add(DecisionDocument d) {
    if (!(d.score() >= 0 && d.score() <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1] but was " + d.score());
    }
    if (!(d.rulesScore() >= 0 && d.rulesScore() <= 1)) {
      throw new IllegalArgumentException("rules_score must be in [0, 1] but was " + d.rulesScore());
    }
    Dimension[] dimensions = Dimension.values();
    String[] names = new String[dimensions.length];
    for (int i = 0; i < dimensions.length; i++) {
      names[i] = requireName(dimensions[i].key(), dimensions[i].bucketOf(d));
    }
    requireName("fraud_pattern", d.fraudPattern());
    requireName("model_version", d.modelVersion());
    BucketCounts delta = delta(d);
    for (int i = 0; i < dimensions.length; i++) {
      buckets
          .computeIfAbsent(dimensions[i], k -> new TreeMap<>())
          .merge(names[i], delta, BucketCounts::plus);
    }
    increment(Counter.DECISIONS);
    if (d.isEnforcement()) {
      increment(Counter.ENFORCEMENT_DECISIONS);
    } else if (d.isFraud() == null) {
      increment(Counter.UNLABELLED_DECISIONS);
    } else {
      histogram.merge(new ScoreCell(d.score(), d.isFraud(), d.fraudPattern()), 1L, Long::sum);
      addByModel(d);
    }
  }

  /** The same labelled decision in its model group, once by each score. */
  private void addByModel(DecisionDocument d) {
    String group = ModelScoreCell.groupOf(d.modelVersion());
    modelHistogram.merge(
        new ModelScoreCell(
            group, ScoredBy.SCORE, new ScoreCell(d.score(), d.isFraud(), d.fraudPattern())),
        1L,
        Long::sum);
    modelHistogram.merge(
        new ModelScoreCell(
            group,
            ScoredBy.RULES_SCORE,
            new ScoreCell(d.rulesScore(), d.isFraud(), d.fraudPattern())),
        1L,
        Long::sum);
  }

  /**
   * The name, when it is at most {@link #MAX_NAME_CHARS} long; null stays null.
   *
   * @throws IllegalArgumentException naming the field otherwise
   */
  private static String requireName(String field, String name) {
    if (name != null && name.length() > MAX_NAME_CHARS) {
      throw new IllegalArgumentException(
          field + ": longer than " + MAX_NAME_CHARS + " characters (" + name.length() + ")");
    }
    return name;
  }

  /** Counts a record that could not be read as a decision. */
  public void addUndecodable() {
    increment(Counter.UNDECODABLE_RECORDS);
  }

  private BucketCounts delta(DecisionDocument d) {
    if (d.isEnforcement()) {
      return new BucketCounts(1, d.amount(), 1, 0, 0, 0, 0);
    }
    if (d.isFraud() == null) {
      return new BucketCounts(1, d.amount(), 0, 0, 0, 0, 0);
    }
    boolean fraud = d.isFraud();
    boolean alert = d.score() >= alertThreshold;
    return new BucketCounts(
        1, d.amount(), 0, 1, fraud ? 1 : 0, alert ? 1 : 0, alert && fraud ? 1 : 0);
  }

  private void increment(Counter counter) {
    counters.merge(counter, 1L, Long::sum);
  }

  /** Every touched bucket, sorted by dimension and bucket. */
  public List<BucketStats> buckets() {
    List<BucketStats> out = new ArrayList<>();
    buckets.forEach(
        (dimension, byBucket) ->
            byBucket.forEach(
                (bucket, counts) -> out.add(new BucketStats(dimension, bucket, counts))));
    Collections.sort(out);
    return out;
  }

  /** The touched histogram cells with their counts, sorted. */
  public SortedMap<ScoreCell, Long> histogram() {
    return Collections.unmodifiableSortedMap(histogram);
  }

  /** The touched per-model histogram cells with their counts, sorted. */
  public SortedMap<ModelScoreCell, Long> modelHistogram() {
    return Collections.unmodifiableSortedMap(modelHistogram);
  }

  /** The non-zero counters. */
  public Map<Counter, Long> counters() {
    return Collections.unmodifiableMap(counters);
  }

  /** The count of one counter; 0 when untouched. */
  public long count(Counter counter) {
    return counters.getOrDefault(counter, 0L);
  }

  /** Whether nothing was counted. */
  public boolean isEmpty() {
    return counters.isEmpty();
  }
}
