package io.streamsentinel.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.codec.Json;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes health events and metric snapshots to {@code system-metrics} as JSON, keyed by component.
 * Every send has a callback; a lost monitoring event is logged and counted, never retried by hand
 * (the producer's own retries have run out by then) and never stops the component.
 */
public final class SystemMetricsPublisher {

  private static final Logger log = LoggerFactory.getLogger(SystemMetricsPublisher.class);
  private static final ObjectMapper JSON = Json.mapper();

  private final Producer<String, byte[]> producer;
  private final LongAdder failures = new LongAdder();

  public SystemMetricsPublisher(Producer<String, byte[]> producer) {
    this.producer = producer;
  }

  /** Sends one event (a map of snake_case fields with {@code component}) asynchronously. */
  public void publish(String component, Map<String, Object> event) {
    byte[] value;
    try {
      value = JSON.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event is not serialisable: " + event, e);
    }
    producer.send(
        new ProducerRecord<>(TopicCatalog.SYSTEM_METRICS, component, value),
        (metadata, error) -> {
          if (error != null) {
            failures.increment();
            log.warn(
                "Monitoring event of {} lost ({}): {}",
                component,
                error instanceof RetriableException ? "retries exhausted" : "not retriable",
                error.toString());
          }
        });
  }

  /** Events whose send failed. */
  public long failures() {
    return failures.sum();
  }
}
