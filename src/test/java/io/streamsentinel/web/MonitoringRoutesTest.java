package io.streamsentinel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.monitoring.HealthRule;
import io.streamsentinel.monitoring.HealthRules;
import io.streamsentinel.monitoring.HealthSample;
import io.streamsentinel.monitoring.HealthStatus;
import io.streamsentinel.monitoring.HealthThresholds;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.testing.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics and /health on a real server on port 0. */
class MonitoringRoutesTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private final HealthRules rules = new HealthRules(HealthThresholds.defaults());
  private final AtomicReference<HealthStatus> status = new AtomicReference<>();
  private final ProcessMetrics metrics = new ProcessMetrics();
  private final HttpClient http = HttpClient.newHttpClient();
  private WebServer server;

  @BeforeEach
  void start() {
    server =
        TestKeys.start(List.of(new MetricsRoutes(metrics::scrape), new HealthRoutes(status::get)));
  }

  @AfterEach
  void stop() {
    server.close();
    metrics.close();
  }

  /** With a viewer's key; /health needs none, and is asked without one. */
  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest.Builder request =
        path.equals("/health")
            ? HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            : TestKeys.request("http://127.0.0.1:" + server.port() + path, TestKeys.VIEWER);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswer200AndUpWhenNoRuleFires() throws Exception {
    status.set(rules.evaluate("detector", T, new HealthSample(5, 0.0, 2_000, 2_000)));

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("UP");
    assertThat(body.get("component").asText()).isEqualTo("detector");
    assertThat(body.get("time").asText()).isEqualTo("2026-01-01T00:00:00Z");
    // No drift figure in the sample: the drift rule gives no verdict.
    assertThat(body.get("rules").findValuesAsText("state"))
        .containsExactly("clear", "clear", "clear", "not_measured");
  }

  @Test
  void shouldAnswer503NamingTheFiringRule() throws Exception {
    status.set(rules.evaluate("responder", T, new HealthSample(25_000, Double.NaN, 0, Double.NaN)));

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("DOWN");
    JsonNode lag = body.get("rules").get(HealthRule.CONSUMER_LAG.ordinal());
    assertThat(lag.get("rule").asText()).isEqualTo("consumer_lag");
    assertThat(lag.get("state").asText()).isEqualTo("firing");
    assertThat(lag.get("value").asDouble()).isEqualTo(25_000);
    assertThat(body.get("rules").get(HealthRule.ERROR_RATE.ordinal()).get("state").asText())
        .isEqualTo("not_measured");
  }

  @Test
  void shouldServeTheRegistryInThePrometheusTextFormat() throws Exception {
    metrics.registry().counter("sentinel.transactions.scored").increment(3);

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(response.body()).contains("sentinel_transactions_scored_total 3.0");
  }
}
