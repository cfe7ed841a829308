package io.streamsentinel.analytics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The analytics tables as read at one moment.
 *
 * @param alertThreshold the threshold the per-bucket alerts were counted at; null before the first
 *     batch
 * @param buckets every stored bucket
 * @param histogram the score histogram of labelled detection decisions
 * @param modelHistogram the same decisions per model group, once by each score; batches counted
 *     before it existed (schema V5) are missing from it
 * @param counters the totals; a counter never written reads as 0
 */
public record AnalyticsSnapshot(
    Double alertThreshold,
    List<BucketStats> buckets,
    SortedMap<ScoreCell, Long> histogram,
    SortedMap<ModelScoreCell, Long> modelHistogram,
    Map<Counter, Long> counters) {

  public AnalyticsSnapshot {
    buckets = List.copyOf(buckets);
    histogram = Collections.unmodifiableSortedMap(new TreeMap<>(histogram));
    modelHistogram = Collections.unmodifiableSortedMap(new TreeMap<>(modelHistogram));
    Map<Counter, Long> copy = new EnumMap<>(Counter.class);
    copy.putAll(counters);
    counters = Collections.unmodifiableMap(copy);
  }

  public long count(Counter counter) {
    return counters.getOrDefault(counter, 0L);
  }

  /** Whether no batch has been counted yet. */
  public boolean isEmpty() {
    return count(Counter.DECISIONS) == 0 && count(Counter.UNDECODABLE_RECORDS) == 0;
  }

  /** The buckets of one dimension, in the report's order. */
  public List<BucketStats> buckets(Dimension dimension) {
    return buckets.stream()
        .filter(b -> b.dimension() == dimension)
        .sorted(dimension.reportOrder())
        .toList();
  }

  /** The sum of every bucket of a dimension: the totals (each decision is in one bucket each). */
  public BucketCounts total(Dimension dimension) {
    return buckets.stream()
        .filter(b -> b.dimension() == dimension)
        .map(BucketStats::counts)
        .reduce(BucketCounts.ZERO, BucketCounts::plus);
  }
}
