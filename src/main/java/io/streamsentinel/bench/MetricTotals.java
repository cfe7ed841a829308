package io.streamsentinel.bench;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** Sums of a Kafka client's cumulative metrics over the clients or threads that report them. */
final class MetricTotals {

  private MetricTotals() {}

  /**
   * The sum of every metric named {@code name} in {@code group} (one per thread or client), NaN
   * when none reports a number.
   */
  static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name) {
    double total = 0;
    boolean found = false;
    for (var entry : metrics.entrySet()) {
      if (entry.getKey().name().equals(name)
          && entry.getKey().group().equals(group)
          && entry.getValue().metricValue() instanceof Number value) {
        total += value.doubleValue();
        found = true;
      }
    }
    return found ? total : Double.NaN;
  }
}
