package io.streamsentinel.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Where a Streams application's commits spend their time, as its own clients count it. Under
 * exactly_once_v2 a decision is seen by a {@code read_committed} reader only once the commit that
 * holds it has ended, and the stream thread processes nothing while it commits; so a commit's
 * length is added to the latency of the records in flight. A commit flushes the producer (sends
 * what its batches hold and waits for the broker's acknowledgements), then under exactly_once_v2
 * adds the input offsets to the transaction and commits it. The totals are cumulative counters of
 * Kafka Streams ({@code commit-total} of its stream threads) and of their producers ({@code
 * flush-time-ns-total}, {@code txn-send-offsets-time-ns-total}, {@code txn-commit-time-ns-total}),
 * summed over the application's threads; the times of a commit's three steps are not the whole
 * commit (Streams' own bookkeeping between them is left out).
 *
 * @param commits commits so far, NaN when Streams reports none
 * @param flushNanos time in the producers' {@code flush}
 * @param offsetsNanos time in {@code sendOffsetsToTransaction} (0 under at_least_once)
 * @param endNanos time in {@code commitTransaction} (0 under at_least_once)
 */
record CommitTimes(double commits, double flushNanos, double offsetsNanos, double endNanos) {

  static final String COMMITS = "commits";
  static final String FLUSH_MS = "commit_flush_ms";
  static final String OFFSETS_MS = "commit_offsets_ms";
  static final String END_MS = "commit_end_ms";

  private static final String THREAD_GROUP = "stream-thread-metrics";
  private static final String PRODUCER_GROUP = "producer-metrics";

  /** The totals so far of a Streams application's metrics. */
  static CommitTimes of(Map<MetricName, ? extends Metric> metrics) {
    return new CommitTimes(
        MetricTotals.sum(metrics, THREAD_GROUP, "commit-total"),
        MetricTotals.sum(metrics, PRODUCER_GROUP, "flush-time-ns-total"),
        MetricTotals.sum(metrics, PRODUCER_GROUP, "txn-send-offsets-time-ns-total"),
        MetricTotals.sum(metrics, PRODUCER_GROUP, "txn-commit-time-ns-total"));
  }

  /**
   * From this snapshot to {@code later}: {@value #COMMITS} and the mean milliseconds per commit of
   * its steps, the transaction's two only when a transaction ended (none under at_least_once);
   * nothing when no commit ended in between or the counters are not reported.
   */
  Map<String, Double> until(CommitTimes later) {
    Map<String, Double> figures = new LinkedHashMap<>();
    double n = later.commits - commits;
    if (!(n > 0)) {
      return figures;
    }
    figures.put(COMMITS, n);
    perCommit(figures, FLUSH_MS, flushNanos, later.flushNanos, n);
    if (later.endNanos > endNanos) { // a transaction ended: exactly_once_v2
      perCommit(figures, OFFSETS_MS, offsetsNanos, later.offsetsNanos, n);
      perCommit(figures, END_MS, endNanos, later.endNanos, n);
    }
    return figures;
  }

  private static void perCommit(
      Map<String, Double> figures, String name, double before, double after, double commits) {
    if (!Double.isNaN(before) && !Double.isNaN(after)) {
      figures.put(name, (after - before) / 1e6 / commits);
    }
  }
}
