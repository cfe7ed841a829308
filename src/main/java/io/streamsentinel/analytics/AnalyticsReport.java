package io.streamsentinel.analytics;

import io.streamsentinel.detection.quality.DetectionQuality;
import io.streamsentinel.detection.quality.QualityReport;
import java.util.Map;

/**
 * What the report shows: the stored statistics and the detection quality computed from the score
 * histogram with the same {@link DetectionQuality} that {@code sentinel evaluate} uses, so the two
 * agree by construction.
 *
 * @param snapshot the analytics tables
 * @param quality detection quality of the labelled detection decisions at the report's threshold
 */
public record AnalyticsReport(AnalyticsSnapshot snapshot, QualityReport quality) {

  /** The report of {@code snapshot} with detection quality at {@code threshold}. */
  public static AnalyticsReport of(AnalyticsSnapshot snapshot, double threshold) {
    DetectionQuality quality = new DetectionQuality();
    for (Map.Entry<ScoreCell, Long> cell : snapshot.histogram().entrySet()) {
      ScoreCell key = cell.getKey();
      quality.add(key.score(), key.fraud(), key.pattern(), cell.getValue());
    }
    return new AnalyticsReport(snapshot, quality.report(threshold));
  }

  /** The totals over every decision (the sum of any one dimension's buckets). */
  public BucketCounts totals() {
    return snapshot.total(Dimension.SEVERITY);
  }
}
