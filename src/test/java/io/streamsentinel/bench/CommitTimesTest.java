package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class CommitTimesTest {

  @Test
  void shouldSumTheThreadsAndProducersAndTellTheMeanPerCommit() {
    Map<MetricName, Metric> metrics = new HashMap<>();
    put(metrics, "stream-thread-metrics", "commit-total", "t1", 10);
    put(metrics, "stream-thread-metrics", "commit-total", "t2", 20);
    put(metrics, "producer-metrics", "flush-time-ns-total", "p1", 100e6);
    put(metrics, "producer-metrics", "flush-time-ns-total", "p2", 200e6);
    put(metrics, "producer-metrics", "txn-send-offsets-time-ns-total", "p1", 30e6);
    put(metrics, "producer-metrics", "txn-commit-time-ns-total", "p1", 15e6);
    put(metrics, "consumer-metrics", "commit-total", "c1", 1_000); // another group: left out
    CommitTimes before = CommitTimes.of(metrics);
    put(metrics, "stream-thread-metrics", "commit-total", "t1", 30);
    put(metrics, "producer-metrics", "flush-time-ns-total", "p2", 400e6);
    put(metrics, "producer-metrics", "txn-send-offsets-time-ns-total", "p1", 70e6);
    put(metrics, "producer-metrics", "txn-commit-time-ns-total", "p1", 35e6);

    Map<String, Double> figures = before.until(CommitTimes.of(metrics));

    assertThat(figures.get(CommitTimes.COMMITS)).isEqualTo(20.0);
    assertThat(figures.get(CommitTimes.FLUSH_MS)).isCloseTo(10.0, within(1e-9));
    assertThat(figures.get(CommitTimes.OFFSETS_MS)).isCloseTo(2.0, within(1e-9));
    assertThat(figures.get(CommitTimes.END_MS)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldTellNothingWithoutACommitOrCounters() {
    Map<MetricName, Metric> metrics = new HashMap<>();
    put(metrics, "stream-thread-metrics", "commit-total", "t1", 5);
    CommitTimes once = CommitTimes.of(metrics);

    assertThat(once.until(CommitTimes.of(metrics))).as("no commit in between").isEmpty();
    assertThat(CommitTimes.of(Map.of()).until(CommitTimes.of(Map.of()))).isEmpty();

    put(metrics, "stream-thread-metrics", "commit-total", "t1", 6);
    assertThat(once.until(CommitTimes.of(metrics)))
        .as("commits, but no producer counters")
        .containsOnlyKeys(CommitTimes.COMMITS);
  }

  @Test
  void shouldLeaveOutTheTransactionStepsUnderAtLeastOnce() {
    Map<MetricName, Metric> metrics = new HashMap<>();
    put(metrics, "stream-thread-metrics", "commit-total", "t1", 1);
    put(metrics, "producer-metrics", "flush-time-ns-total", "p1", 1e6);
    put(metrics, "producer-metrics", "txn-send-offsets-time-ns-total", "p1", 0);
    put(metrics, "producer-metrics", "txn-commit-time-ns-total", "p1", 0);
    CommitTimes before = CommitTimes.of(metrics);
    put(metrics, "stream-thread-metrics", "commit-total", "t1", 2);
    put(metrics, "producer-metrics", "flush-time-ns-total", "p1", 3e6);

    assertThat(before.until(CommitTimes.of(metrics)))
        .containsOnly(Map.entry(CommitTimes.COMMITS, 1.0), Map.entry(CommitTimes.FLUSH_MS, 2.0));
  }

  private static void put(
      Map<MetricName, Metric> metrics, String group, String name, String client, double value) {
    MetricName key = new MetricName(name, group, "", Map.of("client-id", client));
    metrics.put(
        key,
        new Metric() {
          @Override
          public MetricName metricName() {
            return key;
          }

          @Override
          public Object metricValue() {
            return value;
          }
        });
  }
}
