package io.streamsentinel.analytics;

import io.streamsentinel.detection.quality.DetectionQuality;
import io.streamsentinel.detection.quality.QualityReport;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the report shows: the stored statistics and the detection quality computed from the score
 * histograms with the same {@link DetectionQuality} that {@code sentinel evaluate} uses, so the two
 * agree by construction.
 *
 * @param snapshot the analytics tables
 * @param quality detection quality of the labelled detection decisions at the report's threshold
 * @param byModel the same per model group ({@link ModelScoreCell#RULES_ONLY} for none), by the
 *     final score and by the rules' score, in group order
 */
public record AnalyticsReport(
    AnalyticsSnapshot snapshot, QualityReport quality, SortedMap<String, ModelQuality> byModel) {

  public AnalyticsReport {
    byModel = Collections.unmodifiableSortedMap(new TreeMap<>(byModel));
  }

  /** The report of {@code snapshot} with detection quality at {@code threshold}. */
  public static AnalyticsReport of(AnalyticsSnapshot snapshot, double threshold) {
    DetectionQuality quality = new DetectionQuality();
    for (Map.Entry<ScoreCell, Long> cell : snapshot.histogram().entrySet()) {
      add(quality, cell.getKey(), cell.getValue());
    }
    return new AnalyticsReport(
        snapshot, quality.report(threshold), byModel(snapshot.modelHistogram(), threshold));
  }

  private static SortedMap<String, ModelQuality> byModel(
      SortedMap<ModelScoreCell, Long> cells, double threshold) {
    Map<String, Map<ScoredBy, DetectionQuality>> groups = new TreeMap<>();
    for (Map.Entry<ModelScoreCell, Long> e : cells.entrySet()) {
      ModelScoreCell key = e.getKey();
      DetectionQuality quality =
          groups
              .computeIfAbsent(key.group(), g -> new EnumMap<>(ScoredBy.class))
              .computeIfAbsent(key.scoredBy(), s -> new DetectionQuality());
      add(quality, key.cell(), e.getValue());
    }
    SortedMap<String, ModelQuality> out = new TreeMap<>();
    groups.forEach(
        (group, byScorer) ->
            out.put(
                group,
                new ModelQuality(
                    report(byScorer.get(ScoredBy.SCORE), threshold),
                    report(byScorer.get(ScoredBy.RULES_SCORE), threshold))));
    return out;
  }

  private static void add(DetectionQuality quality, ScoreCell cell, long decisions) {
    quality.add(cell.score(), cell.fraud(), cell.pattern(), decisions);
  }

  /** A group's quality by one scorer; an empty one if the other scorer's cells stand alone. */
  private static QualityReport report(DetectionQuality quality, double threshold) {
    return (quality == null ? new DetectionQuality() : quality).report(threshold);
  }

  /** The totals over every decision (the sum of any one dimension's buckets). */
  public BucketCounts totals() {
    return snapshot.total(Dimension.SEVERITY);
  }

  /**
   * Labelled detection decisions in the per-model figures: fewer than {@link #quality()}'s when
   * batches were counted before the per-model table existed.
   */
  public long decisionsByModel() {
    return byModel.values().stream().mapToLong(m -> m.score().decisions()).sum();
  }
}
