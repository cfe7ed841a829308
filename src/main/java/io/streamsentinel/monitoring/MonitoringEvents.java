package io.streamsentinel.monitoring;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamsentinel.detection.drift.DriftReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shape (snake_case maps) of what goes to {@code system-metrics}: a health event when a
 * rule fires or clears, and a snapshot of a component's key metrics. Figures not measured are null,
 * never NaN.
 */
final class MonitoringEvents {

  /** Kafka client metrics worth a line in every snapshot: meter name, JSON name, how to combine. */
  private static final List<KeyMetric> KEY_METRICS =
      List.of(
          new KeyMetric("kafka.producer.record.send.rate", "producer_record_send_rate", false),
          new KeyMetric("kafka.producer.record.error.rate", "producer_record_error_rate", false),
          new KeyMetric(
              "kafka.consumer.fetch.manager.records.consumed.rate",
              "consumer_records_consumed_rate",
              false),
          new KeyMetric(
              "kafka.consumer.fetch.manager.records.lag.max", "consumer_records_lag_max", true));

  private record KeyMetric(String meter, String field, boolean max) {}

  private MonitoringEvents() {}

  static Map<String, Object> health(HealthStatus status, RuleResult result) {
    Map<String, Object> event = header("health", status);
    event.put("rule", result.rule().id());
    event.put("state", result.firing() ? "firing" : "cleared");
    event.put("value", finite(result.value()));
    event.put("threshold", result.threshold());
    if (result.detail() != null) {
      event.put("detail", result.detail());
    }
    event.put("healthy", status.healthy());
    return event;
  }

  static Map<String, Object> snapshot(
      HealthStatus status, HealthSample sample, Readings readings, MeterRegistry registry) {
    Map<String, Object> event = header("snapshot", status);
    event.put("healthy", status.healthy());
    event.put("consumer_lag", finite(sample.lag()));
    event.put("error_rate", finite(sample.errorRate()));
    event.put("throughput_per_s", finite(sample.throughput()));
    event.put("input_per_s", finite(sample.inputRate()));
    event.put("counts", readings == null ? Map.of() : readings.counts());
    if (sample.drift() != null) {
      event.put("model_drift", drift(sample.drift()));
    }
    Map<String, Object> kafka = new LinkedHashMap<>();
    for (KeyMetric key : KEY_METRICS) {
      kafka.put(key.field(), finite(combined(registry, key)));
    }
    event.put("kafka", kafka);
    return event;
  }

  /** The drift figures of a snapshot: the champion, the sample, the score's and the worst PSI. */
  private static Map<String, Object> drift(DriftReport d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", d.state().name().toLowerCase(Locale.ROOT));
    m.put("model_version", d.modelVersion());
    m.put("decisions", d.decisions());
    m.put("score_psi", finite(d.scorePsi()));
    m.put("max_psi", finite(d.maxPsi()));
    m.put("worst", d.worst());
    return m;
  }

  private static Map<String, Object> header(String type, HealthStatus status) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.put("component", status.component());
    event.put("time", status.time().toString());
    return event;
  }

  /** The sum (or maximum) of a meter over every client that has it; NaN when none has. */
  private static double combined(MeterRegistry registry, KeyMetric key) {
    double result = Double.NaN;
    for (Meter meter : registry.find(key.meter()).meters()) {
      for (Measurement m : meter.measure()) {
        double v = m.getValue();
        if (Double.isNaN(v)) {
          continue;
        }
        result = Double.isNaN(result) ? v : key.max() ? Math.max(result, v) : result + v;
      }
    }
    return result;
  }

  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
