package io.streamsentinel.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * How busy a Streams application's stream thread was over a span, and how much of that time it
 * spent on a CPU: what tells a thread that is ready but not running (waiting for a free core on a
 * saturated machine, in a GC pause, on a lock) from one that is merely slow. Busy is the span less
 * the time Kafka Streams counts the thread as blocked on Kafka (its {@code blocked-time-ns-total}:
 * the consumer's poll wait and network I/O, commits, the producer's flushes and transaction calls);
 * so busy includes processing, Streams' own loop and the time the thread was ready but not running.
 * On a CPU is the thread's CPU time over the same span; since CPU spent in network I/O counts as
 * blocked, busy minus on a CPU understates the time ready but not running. Both are sums over the
 * application's stream threads: shares of one thread when it runs one, as {@code bench e2e} does.
 *
 * @param wallNanos {@link System#nanoTime()} when taken
 * @param jvmCpuNanos CPU time of the whole JVM, -1 when not reported
 * @param threadCpuNanos CPU time of the application's stream threads, -1 when not measured
 * @param blockedNanos Streams' blocked time of its stream threads, NaN when it has no such metric
 */
record StreamThreadLoad(
    long wallNanos, long jvmCpuNanos, long threadCpuNanos, double blockedNanos) {

  static final String BUSY = "stream_thread_busy";
  static final String ON_CPU = "stream_thread_on_cpu";
  static final String CPU_PER_RECORD = "stream_thread_cpu_us_per_record";
  static final String JVM_CORES = "jvm_cpu_cores";

  private static final String BLOCKED_METRIC = "blocked-time-ns-total";
  private static final String THREAD_GROUP = "stream-thread-metrics";

  /**
   * The load so far of a Streams application whose stream threads {@code clock} times.
   *
   * @param metrics the application's metrics ({@code KafkaStreams.metrics()}), taken now
   */
  static StreamThreadLoad now(Map<MetricName, ? extends Metric> metrics, CpuClock clock) {
    return new StreamThreadLoad(
        System.nanoTime(),
        CpuClock.processNanos(),
        clock.streamThreadNanos(),
        MetricTotals.sum(metrics, THREAD_GROUP, BLOCKED_METRIC));
  }

  /**
   * The figures from this snapshot to {@code later}, over {@code records} records: {@value #BUSY}
   * and {@value #ON_CPU} as shares of the span (busy held to 0..1, since Streams updates its
   * blocked time between loop iterations, not at the instant of a snapshot), the stream threads'
   * CPU µs per record and the JVM's CPU in cores. A figure whose inputs were not measured is left
   * out.
   */
  Map<String, Double> until(StreamThreadLoad later, long records) {
    double span = later.wallNanos - wallNanos;
    Map<String, Double> figures = new LinkedHashMap<>();
    if (span <= 0) {
      return figures;
    }
    if (!Double.isNaN(blockedNanos) && !Double.isNaN(later.blockedNanos)) {
      double busy = 1 - (later.blockedNanos - blockedNanos) / span;
      figures.put(BUSY, Math.max(0, Math.min(1, busy)));
    }
    if (threadCpuNanos >= 0 && later.threadCpuNanos >= 0) {
      long cpu = later.threadCpuNanos - threadCpuNanos;
      figures.put(ON_CPU, cpu / span);
      if (records > 0) {
        figures.put(CPU_PER_RECORD, cpu / 1e3 / records);
      }
    }
    if (jvmCpuNanos >= 0 && later.jvmCpuNanos >= 0) {
      figures.put(JVM_CORES, (later.jvmCpuNanos - jvmCpuNanos) / span);
    }
    return figures;
  }
}
