package io.streamsentinel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamsentinel.kafka.TopicCatalog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each rule fires and clears on a staged condition, and says so on system-metrics. */
class HealthMonitorTest {

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final StagedClock clock = new StagedClock();
  private Readings staged;
  private HealthMonitor monitor;

  @BeforeEach
  void create() {
    monitor =
        new HealthMonitor(
            "detector",
            () -> staged,
            new HealthRules(HealthThresholds.defaults()),
            new SystemMetricsPublisher(producer),
            new SimpleMeterRegistry(),
            clock,
            Duration.ofSeconds(10));
  }

  /** Stages the totals one second after the previous check and checks. */
  private HealthStatus checkAfterOneSecond(long handled, long failed, long input, long lag)
      throws InterruptedException {
    clock.advance(Duration.ofSeconds(1));
    staged = new Readings(handled, failed, input, lag, Map.of("scored", handled));
    return monitor.check();
  }

  private List<JsonNode> events(String type) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (ProducerRecord<String, byte[]> r : producer.history()) {
      assertThat(r.topic()).isEqualTo(TopicCatalog.SYSTEM_METRICS);
      assertThat(r.key()).isEqualTo("detector");
      JsonNode event = new ObjectMapper().readTree(r.value());
      if (event.get("type").asText().equals(type)) {
        events.add(event);
      }
    }
    return events;
  }

  private List<String> transitions() throws IOException {
    return events("health").stream()
        .map(e -> e.get("rule").asText() + ":" + e.get("state").asText())
        .toList();
  }

  @Test
  void shouldPublishWhenTheLagRuleFiresAndWhenItClears() throws Exception {
    checkAfterOneSecond(0, 0, 0, 0);
    assertThat(checkAfterOneSecond(2_000, 0, 2_000, 12_000).healthy()).isFalse();
    assertThat(checkAfterOneSecond(4_000, 0, 4_000, 12_500).healthy()).isFalse();
    assertThat(checkAfterOneSecond(6_000, 0, 6_000, 300).healthy()).isTrue();

    assertThat(transitions()).containsExactly("consumer_lag:firing", "consumer_lag:cleared");
    JsonNode fired = events("health").get(0);
    assertThat(fired.get("value").asDouble()).isEqualTo(12_000);
    assertThat(fired.get("threshold").asDouble()).isEqualTo(10_000);
    assertThat(fired.get("component").asText()).isEqualTo("detector");
    assertThat(Instant.parse(fired.get("time").asText()))
        .isEqualTo(clock.instant().minusSeconds(2));
  }

  @Test
  void shouldPublishWhenTheErrorRuleFiresAndWhenItClears() throws Exception {
    checkAfterOneSecond(0, 0, 0, 0);
    checkAfterOneSecond(1_000, 50, 1_050, 0); // 50 of 1,050 failed: 4.8 %
    checkAfterOneSecond(2_000, 51, 2_100, 0); // 1 of 1,001 failed: 0.1 %

    assertThat(transitions()).containsExactly("error_rate:firing", "error_rate:cleared");
  }

  @Test
  void shouldPublishWhenTheThroughputRuleFiresAndWhenItClears() throws Exception {
    checkAfterOneSecond(0, 0, 0, 0);
    checkAfterOneSecond(500, 0, 3_000, 0); // input flows at 3,000/s, 500/s handled
    checkAfterOneSecond(500, 0, 3_000, 0); // input stopped: no verdict, cleared
    checkAfterOneSecond(500, 0, 6_000, 0); // flows again, nothing handled
    checkAfterOneSecond(5_500, 0, 9_000, 0); // 5,000/s handled

    assertThat(transitions())
        .containsExactly(
            "throughput:firing", "throughput:cleared", "throughput:firing", "throughput:cleared");
  }

  @Test
  void shouldPublishASnapshotOnTheFirstCheckAndThenEveryInterval() throws Exception {
    for (int i = 1; i <= 21; i++) {
      checkAfterOneSecond(i * 2_000L, 0, i * 2_000L, 0);
    }

    List<JsonNode> snapshots = events("snapshot");
    assertThat(snapshots).hasSize(3); // at 1 s, 11 s and 21 s
    JsonNode last = snapshots.get(2);
    assertThat(last.get("healthy").asBoolean()).isTrue();
    assertThat(last.get("throughput_per_s").asDouble()).isEqualTo(2_000);
    assertThat(last.get("counts").get("scored").asLong()).isEqualTo(42_000);
    assertThat(last.get("kafka").get("producer_record_send_rate").isNull()).isTrue();
    assertThat(events("health")).isEmpty();
  }

  @Test
  void shouldAnswerUnmeasuredAndHealthyBeforeTheFirstCheck() {
    assertThat(monitor.current().healthy()).isTrue();
    assertThat(monitor.current().results()).noneMatch(RuleResult::measured);
  }

  /** A clock the test moves. */
  private static final class StagedClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
