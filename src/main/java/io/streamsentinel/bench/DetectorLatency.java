package io.streamsentinel.bench;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamsentinel.kafka.ClientMetrics;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The first part of event → decision: from the transaction's record timestamp to the moment the
 * detector scored it, as the detector's own {@code sentinel.event.to.decision} timer counts it (the
 * stream thread's clock of that loop). The rest, until a reader sees the decision, is the output's
 * way: the producer, the commit under exactly_once_v2, the broker and the reader's fetch. So a
 * round's tail can be told apart: records that waited before they were scored (the generator's
 * producer, the broker, the detector's fetch and queue) or after. Percentiles come from the timer's
 * histogram, whose bucket bounds this class sets ({@link #BOUNDS_MS}, the targets of issue 16 among
 * them), so each is the upper bound of its bucket.
 */
final class DetectorLatency {

  static final String P50_MS = "scored_p50_ms";
  static final String P99_MS = "scored_p99_ms";

  private static final String TIMER = "sentinel.event.to.decision";

  /** The histogram's bucket bounds in milliseconds. */
  static final long[] BOUNDS_MS = {
    1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250, 300, 400,
    500, 600, 800, 1_000, 1_500, 2_000, 3_000, 5_000, 10_000, 30_000, 60_000, 300_000
  };

  private final MeterRegistry registry = new SimpleMeterRegistry();

  DetectorLatency() {
    // Buckets this registry counts (it publishes no percentile histogram of its own), and one
    // bucket set for the whole run: a timer's histogram otherwise starts afresh every few minutes,
    // and counts taken across a restart would not subtract.
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public DistributionStatisticConfig configure(
                  Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(TIMER)) {
                  return config;
                }
                return DistributionStatisticConfig.builder()
                    .serviceLevelObjectives(
                        Arrays.stream(BOUNDS_MS).mapToDouble(ms -> ms * 1e6).toArray())
                    .expiry(Duration.ofDays(365))
                    .bufferLength(1)
                    .build()
                    .merge(config);
              }
            });
  }

  /** Metrics for the detector: its counters into this object's registry, no client bound. */
  ClientMetrics metrics() {
    return ClientMetrics.countersOnly(registry);
  }

  /** The records scored so far and their cumulative counts per bucket. */
  record Snapshot(long count, CountAtBucket[] buckets) {
    static final Snapshot NONE = new Snapshot(0, new CountAtBucket[0]);
  }

  /** The timer's counts so far; {@link Snapshot#NONE} before the detector registered it. */
  Snapshot now() {
    Timer timer = registry.find(TIMER).timer();
    if (timer == null) {
      return Snapshot.NONE;
    }
    HistogramSnapshot snapshot = timer.takeSnapshot();
    return new Snapshot(snapshot.count(), snapshot.histogramCounts());
  }

  /**
   * {@value #P50_MS} and {@value #P99_MS} of the records scored between two snapshots of {@link
   * #now()}; nothing when none was, and a percentile beyond the last bound is left out.
   */
  static Map<String, Double> between(Snapshot before, Snapshot after) {
    Map<String, Double> figures = new LinkedHashMap<>();
    long total = after.count() - before.count();
    if (total <= 0) {
      return figures;
    }
    CountAtBucket[] buckets = after.buckets();
    double[] counts = new double[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      counts[i] =
          buckets[i].count()
              - (before.buckets().length == buckets.length ? before.buckets()[i].count() : 0);
    }
    put(figures, P50_MS, bound(buckets, counts, 0.5 * total));
    put(figures, P99_MS, bound(buckets, counts, 0.99 * total));
    return figures;
  }

  private static void put(Map<String, Double> figures, String name, double value) {
    if (!Double.isNaN(value)) {
      figures.put(name, value);
    }
  }

  /**
   * The upper bound (ms) of the first bucket whose cumulative count reaches {@code rank}; NaN when
   * none does.
   */
  private static double bound(CountAtBucket[] buckets, double[] counts, double rank) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] >= rank) {
        return buckets[i].bucket(TimeUnit.MILLISECONDS);
      }
    }
    return Double.NaN;
  }
}
