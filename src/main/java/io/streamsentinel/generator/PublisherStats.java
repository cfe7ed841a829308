package io.streamsentinel.generator;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters of a publishing run, written by the send loop and by the producer's I/O thread
 * (callbacks), read by the progress reporter. Ack latency is recorded in microseconds in an
 * HdrHistogram {@link Recorder}, so interval percentiles cost no locking on the hot path.
 */
public final class PublisherStats {

  private static final long MAX_TRACKED_MICROS = TimeUnit.MINUTES.toMicros(10);

  private final LongAdder sent = new LongAdder();
  private final LongAdder acked = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder fraudLabelled = new LongAdder();
  private final Map<String, LongAdder> failuresByError = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> fraudByPattern = new ConcurrentHashMap<>();
  private final Recorder ackLatency = new Recorder(MAX_TRACKED_MICROS, 3);
  private final Histogram totalLatency = new Histogram(MAX_TRACKED_MICROS, 3);

  /** Makes these counters meters of {@code registry} as well. */
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("sentinel.transactions.sent", sent, LongAdder::sum)
        .description("Transactions handed to the producer")
        .register(registry);
    FunctionCounter.builder("sentinel.transactions.acked", acked, LongAdder::sum)
        .description("Transactions the broker acknowledged")
        .register(registry);
    FunctionCounter.builder("sentinel.transactions.send.failed", failed, LongAdder::sum)
        .description("Transactions whose send failed for good")
        .register(registry);
    FunctionCounter.builder("sentinel.transactions.fraud.labelled", fraudLabelled, LongAdder::sum)
        .description("Sent transactions labelled as injected fraud")
        .register(registry);
  }

  void sent(String fraudPattern) {
    sent.increment();
    if (fraudPattern != null) {
      fraudLabelled.increment();
      fraudByPattern.computeIfAbsent(fraudPattern, k -> new LongAdder()).increment();
    }
  }

  void acked(long latencyNanos) {
    acked.increment();
    ackLatency.recordValue(Math.min(MAX_TRACKED_MICROS, Math.max(0, latencyNanos / 1_000)));
  }

  void failed(Exception error) {
    failed.increment();
    failuresByError
        .computeIfAbsent(error.getClass().getSimpleName(), k -> new LongAdder())
        .increment();
  }

  public long sent() {
    return sent.sum();
  }

  public long acked() {
    return acked.sum();
  }

  public long failed() {
    return failed.sum();
  }

  public long fraudLabelled() {
    return fraudLabelled.sum();
  }

  /** Failed sends per exception type. */
  public Map<String, Long> failuresByError() {
    return snapshot(failuresByError);
  }

  /** Sent fraud events per pattern. */
  public Map<String, Long> fraudByPattern() {
    return snapshot(fraudByPattern);
  }

  /**
   * The ack latencies (microseconds) recorded since the previous call; they are also added to the
   * run's total. Only one thread (the reporter) may call this.
   */
  public synchronized Histogram takeIntervalLatency() {
    Histogram interval = ackLatency.getIntervalHistogram();
    totalLatency.add(interval);
    return interval;
  }

  /**
   * Every ack latency (microseconds) taken so far by {@link #takeIntervalLatency()}, plus the
   * pending ones.
   */
  public synchronized Histogram totalLatency() {
    takeIntervalLatency();
    return totalLatency.copy();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }
}
