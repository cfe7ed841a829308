package io.streamsentinel.monitoring;

import io.streamsentinel.detection.drift.DriftReport;
import java.util.Map;

/**
 * A component's running totals at one moment; the health monitor turns two of them into rates.
 *
 * @param handled records handled successfully so far (scored, acted on, sent)
 * @param failed records that failed so far (dead letters, failed sends)
 * @param input records that have arrived on the component's input so far (its log-end offsets), or
 *     -1 when it has no input (the generator) or the throughput rule does not apply to it
 * @param lag records its consumer group(s) are behind now (the largest group), or -1 for none
 * @param counts the component's key counters for the snapshot, snake_case names
 * @param drift the champion model's drift now; null for a component that scores nothing
 */
public record Readings(
    long handled, long failed, long input, long lag, Map<String, Long> counts, DriftReport drift) {

  public Readings {
    counts = Map.copyOf(counts);
  }

  /** Readings of a component that scores nothing. */
  public Readings(long handled, long failed, long input, long lag, Map<String, Long> counts) {
    this(handled, failed, input, lag, counts, null);
  }

  /** What a component reports once a check. */
  @FunctionalInterface
  public interface Probe {
    /**
     * @throws InterruptedException when interrupted while asking the cluster (for lag)
     */
    Readings read() throws InterruptedException;
  }
}
