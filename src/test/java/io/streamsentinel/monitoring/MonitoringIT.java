package io.streamsentinel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.testing.CliRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running demo answers /metrics with the Kafka client, Streams, broker and application metrics,
 * and /health with a rule fired by a staged condition, which also lands on system-metrics; {@code
 * sentinel lag} covers the detector's (Streams) group and the responder's.
 */
class MonitoringIT {

  /** Kafka's own metrics, bound from the clients and the broker: name -> must be above zero. */
  private static final Map<String, Boolean> KAFKA_METRICS =
      Map.ofEntries(
          Map.entry("kafka_producer_record_send_rate", true),
          Map.entry("kafka_producer_record_send_total", true),
          Map.entry("kafka_producer_batch_size_avg", true),
          Map.entry("kafka_producer_compression_rate_avg", true),
          Map.entry("kafka_producer_record_error_rate", false),
          Map.entry("kafka_consumer_fetch_manager_records_consumed_rate", true),
          Map.entry("kafka_consumer_fetch_manager_records_lag_max", false),
          Map.entry("kafka_consumer_fetch_manager_fetch_rate", true),
          Map.entry("kafka_consumer_fetch_manager_fetch_latency_avg", true),
          Map.entry("kafka_stream_thread_process_rate", true),
          Map.entry("kafka_stream_thread_commit_total", true),
          Map.entry("kafka_stream_task_active_process_ratio", true),
          Map.entry("kafka_stream_task_process_total", false),
          Map.entry("kafka_broker_messages_in_total", true),
          Map.entry("kafka_broker_bytes_in_total", true),
          Map.entry("kafka_broker_log_size_bytes", true),
          Map.entry("kafka_broker_under_replicated_partitions", false));

  /** Our own, under the sentinel_ prefix: name -> must be above zero. */
  private static final Map<String, Boolean> APPLICATION_METRICS =
      Map.ofEntries(
          Map.entry("sentinel_transactions_scored_total", true),
          Map.entry("sentinel_transactions_sent_total", true),
          Map.entry("sentinel_alerts_raised_total", true),
          Map.entry("sentinel_actions_taken_total", true),
          Map.entry("sentinel_alerts_handled_total", true),
          Map.entry("sentinel_dlq_records_total", true),
          Map.entry("sentinel_duplicates_dropped_total", true),
          Map.entry("sentinel_scoring_time_seconds_count", true),
          Map.entry("sentinel_scoring_time_seconds_bucket", true),
          Map.entry("sentinel_event_to_decision_seconds_count", true),
          Map.entry("sentinel_fraud_rate", true),
          Map.entry("sentinel_responder_sla_misses_total", false));

  @TempDir Path dir;
  private final CliRunner cli = new CliRunner();
  private final HttpClient http = HttpClient.newHttpClient();
  private CompletableFuture<Integer> demo;
  private String key;

  @AfterEach
  void stop() {
    cli.shutdown.request();
    if (demo != null) {
      assertThat(demo.join()).as(cli.err()).isZero();
    }
  }

  @Test
  void shouldExposeKafkaAndApplicationMetricsAndFireAHealthRuleDuringADemo() throws Exception {
    demo =
        CompletableFuture.supplyAsync(
            () ->
                cli.run(
                    CliRunner.demoIn(
                        dir,
                        "--tps",
                        "500",
                        "--fraud-rate",
                        "0.05",
                        "--health-interval",
                        "1s",
                        "--snapshot-interval",
                        "2s",
                        // Staged condition: no detector here handles a million records a second.
                        "--health-min-throughput",
                        "1000000")));
    String base = awaitOutput("Metrics at (http://\\S+)/metrics");
    key = awaitOutput("API key \\S+ \\(admin[^)]*\\): (sentinel_\\S+)");
    String bootstrap = awaitOutput("Kafka broker \\(embedded, KRaft\\) at (\\S+),");
    stagePoisonAndDuplicate(bootstrap);

    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              String metrics = get(base + "/metrics").body();
              assertExposed(metrics, KAFKA_METRICS);
              assertExposed(metrics, APPLICATION_METRICS);
            });
    String metrics = get(base + "/metrics").body();
    assertThat(metrics)
        .contains("sentinel_dlq_records_total{reason=\"record\",stage=\"detector\"}");
    assertThat(metrics).containsPattern("sentinel_alerts_raised_total\\{severity=\"CRITICAL\"}");

    HttpResponse<String> health = get(base + "/health");
    JsonNode body = new ObjectMapper().readTree(health.body());
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(body.get("status").asText()).isEqualTo("DOWN");
    assertThat(body.get("component").asText()).isEqualTo("demo");
    assertThat(rule(body, "throughput").get("state").asText()).isEqualTo("firing");
    assertThat(rule(body, "consumer_lag").get("threshold").asLong()).isEqualTo(10_000);

    CliRunner lag = new CliRunner();
    assertThat(lag.run("lag", "-b", bootstrap, "--json")).as(lag.err()).isZero();
    assertThat(new ObjectMapper().readTree(lag.out()).findValuesAsText("group"))
        .contains("fraud-detection-group", "alert-response-group");

    List<JsonNode> events = awaitSystemMetrics(bootstrap);
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.get("type").asText()).isEqualTo("health");
              assertThat(e.get("rule").asText()).isEqualTo("throughput");
              assertThat(e.get("state").asText()).isEqualTo("firing");
            });
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.get("type").asText()).isEqualTo("snapshot");
              assertThat(e.get("component").asText()).isEqualTo("demo");
              assertThat(e.get("counts").get("transactions_scored").asLong()).isPositive();
              assertThat(e.has("time")).isTrue();
            });
  }

  private static JsonNode rule(JsonNode health, String name) {
    for (JsonNode rule : health.get("rules")) {
      if (rule.get("rule").asText().equals(name)) {
        return rule;
      }
    }
    throw new AssertionError("no rule " + name + " in " + health);
  }

  /** Every named metric is there, and those marked so have a sample above zero. */
  private static void assertExposed(String scrape, Map<String, Boolean> names) {
    for (Map.Entry<String, Boolean> name : names.entrySet()) {
      List<Double> values = samples(scrape, name.getKey());
      assertThat(values).as(name.getKey()).isNotEmpty();
      if (name.getValue()) {
        assertThat(values).as(name.getKey()).anyMatch(v -> v > 0);
      }
    }
  }

  private static List<Double> samples(String scrape, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
    List<Double> values = new ArrayList<>();
    while (m.find()) {
      values.add(Double.parseDouble(m.group(2)));
    }
    return values;
  }

  /** A record that is not JSON (to the DLQ) and one valid transaction sent twice (one dropped). */
  private static void stagePoisonAndDuplicate(String bootstrap) {
    String tx =
        "{\"event_type\":\"transaction_created\",\"transaction_id\":\"tx_dup_1\",\"user_id\":"
            + "\"user_dup\",\"amount\":25.00,\"timestamp\":\"2026-01-01T00:00:00Z\","
            + "\"merchant\":\"Amazon\",\"is_fraud\":false}";
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(TopicCatalog.TRANSACTIONS, "user_bad", "not json"));
      producer.send(new ProducerRecord<>(TopicCatalog.TRANSACTIONS, "user_dup", tx));
      producer.send(new ProducerRecord<>(TopicCatalog.TRANSACTIONS, "user_dup", tx));
      producer.flush();
    }
  }

  private List<JsonNode> awaitSystemMetrics(String bootstrap) {
    List<JsonNode> events = new ArrayList<>();
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TopicCatalog.SYSTEM_METRICS));
      ObjectMapper json = new ObjectMapper();
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () -> {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                  events.add(json.readTree(r.value()));
                }
                return events.stream().anyMatch(e -> e.get("type").asText().equals("health"))
                    && events.stream().anyMatch(e -> e.get("type").asText().equals("snapshot"));
              });
    }
    return events;
  }

  private String awaitOutput(String regex) {
    Pattern pattern = Pattern.compile(regex);
    String[] found = new String[1];
    await()
        .atMost(Duration.ofSeconds(180))
        .until(
            () -> {
              Matcher m = pattern.matcher(cli.out());
              if (m.find()) {
                found[0] = m.group(1);
              }
              assertThat(demo.isDone()).as("demo ended early: %s", cli.err()).isFalse();
              return found[0] != null;
            });
    return found[0];
  }

  /** With the demo's key (which /health does not need). */
  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
