package io.streamsentinel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.monitoring.HealthRules;
import io.streamsentinel.monitoring.HealthSample;
import io.streamsentinel.monitoring.HealthThresholds;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.testing.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one enforcement point on a real server on port 0: keys, roles, Host and Origin, the content
 * type of writes, the rate limit of failed authentications and its counter.
 */
class HttpGuardTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessMetrics metrics = new ProcessMetrics();
  private final HttpClient http = HttpClient.newHttpClient();
  private WebServer server;

  @BeforeEach
  void start() {
    RouteGroup probes =
        config -> {
          config.routes.get("/api/probe/viewer", ctx -> ctx.result("read"), Requires.VIEWER);
          config.routes.post("/api/probe/analyst", ctx -> ctx.result("worked"), Requires.ANALYST);
          config.routes.post(
              "/api/probe/operator", ctx -> ctx.result("changed"), Requires.OPERATOR);
          config.routes.get("/api/probe/undeclared", ctx -> ctx.result("open?"));
        };
    HealthRules rules = new HealthRules(HealthThresholds.defaults());
    server =
        WebServer.start(
            "127.0.0.1",
            0,
            TestKeys.access(),
            metrics.registry(),
            List.of(
                probes,
                new MetricsRoutes(metrics::scrape),
                new HealthRoutes(
                    () -> rules.evaluate("test", Instant.EPOCH, new HealthSample(0, 0, 0, 0)))));
  }

  @AfterEach
  void stop() {
    server.close();
    metrics.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String key) throws Exception {
    return send(TestKeys.request(url(path), key));
  }

  private HttpResponse<String> postJson(String path, String key) throws Exception {
    return send(
        TestKeys.request(url(path), key)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  private static String error(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("error").asText();
  }

  @Test
  void shouldAnswer401WithoutAKeyAndServeHealthToAnyone() throws Exception {
    HttpResponse<String> noKey = send(HttpRequest.newBuilder(URI.create(url("/api/probe/viewer"))));
    HttpResponse<String> metricsNoKey = send(HttpRequest.newBuilder(URI.create(url("/metrics"))));
    HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(url("/health"))));

    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(noKey.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(error(noKey)).contains("Authorization: Bearer");
    assertThat(metricsNoKey.statusCode()).isEqualTo(401);
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeHeadOfHealthToAnyoneAndNeverBeFramed() throws Exception {
    HttpResponse<String> head =
        send(
            HttpRequest.newBuilder(URI.create(url("/health")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(url("/metrics"))));

    assertThat(head.statusCode()).isEqualTo(200);
    for (HttpResponse<String> response : List.of(head, refused)) {
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValue("frame-ancestors 'none'");
    }
  }

  @Test
  void shouldAnswer401ForAnUnknownKeyAndServeAKnownOne() throws Exception {
    HttpResponse<String> unknown = get("/api/probe/viewer", "sentinel_" + "x".repeat(43));
    HttpResponse<String> known = get("/api/probe/viewer", TestKeys.VIEWER);

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(error(unknown)).contains("unknown or revoked");
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(known.body()).isEqualTo("read");
  }

  @ParameterizedTest
  @CsvSource({
    "VIEWER,   /api/probe/analyst,  403",
    "ANALYST,  /api/probe/analyst,  200",
    "ANALYST,  /api/probe/operator, 403",
    "OPERATOR, /api/probe/analyst,  200",
    "ADMIN,    /api/probe/operator, 200",
  })
  void shouldLetARoleDoWhatItAndTheRolesBelowItMay(String role, String path, int status)
      throws Exception {
    String key =
        Map.of(
                "VIEWER", TestKeys.VIEWER,
                "ANALYST", TestKeys.ANALYST,
                "OPERATOR", TestKeys.OPERATOR,
                "ADMIN", TestKeys.ADMIN)
            .get(role);

    HttpResponse<String> response = postJson(path, key);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    if (status == 403) {
      assertThat(error(response)).contains("has the role " + role.toLowerCase());
    }
  }

  @Test
  void shouldOpenARouteThatDeclaresNoRoleToAdminsOnly() throws Exception {
    assertThat(get("/api/probe/undeclared", TestKeys.OPERATOR).statusCode()).isEqualTo(403);
    assertThat(get("/api/probe/undeclared", TestKeys.ADMIN).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldTellTheCallerWhoTheKeySaysTheyAre() throws Exception {
    HttpResponse<String> me = get("/api/me", TestKeys.ANALYST);

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).get("name").asText()).isEqualTo("ana");
    assertThat(JSON.readTree(me.body()).get("role").asText()).isEqualTo("analyst");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", ""})
  void shouldAnswer415ForAWriteThatIsNotJson(String type) throws Exception {
    HttpRequest.Builder request =
        TestKeys.request(url("/api/probe/analyst"), TestKeys.ANALYST)
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (!type.isEmpty()) {
      request.header("Content-Type", type);
    }

    HttpResponse<String> response = send(request);

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(error(response)).contains("application/json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.example",
        "http://127.0.0.1:1",
        "https://127.0.0.1:{port}",
        "http://127.0.0.1.evil.example:{port}",
        "null"
      })
  void shouldAnswer403ForAForeignOrigin(String origin) throws Exception {
    HttpResponse<String> response =
        send(
            TestKeys.request(url("/api/probe/analyst"), TestKeys.ANALYST)
                .header("Origin", origin.replace("{port}", String.valueOf(server.port())))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(error(response)).contains("foreign");
  }

  @Test
  void shouldAcceptTheServersOwnOriginUnderLocalhostToo() throws Exception {
    for (String origin :
        List.of("http://127.0.0.1:" + server.port(), "http://localhost:" + server.port())) {
      HttpResponse<String> response =
          send(
              TestKeys.request(url("/api/probe/analyst"), TestKeys.ANALYST)
                  .header("Origin", origin)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(response.statusCode()).as(origin).isEqualTo(200);
    }
  }

  @Test
  void shouldAnswer403ForAForeignHost() throws Exception {
    // Java's client does not let a caller set Host, so this speaks HTTP/1.1 over a socket.
    for (String host :
        List.of("rebound.example:" + server.port(), "127.0.0.1:1", "rebound.example")) {
      String answer = RawHttp.get(server.port(), "/api/probe/viewer", host, TestKeys.VIEWER);
      assertThat(answer).as(host).startsWith("HTTP/1.1 403");
    }
    assertThat(
            RawHttp.get(
                server.port(), "/api/probe/viewer", "localhost:" + server.port(), TestKeys.VIEWER))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void shouldAnswer429AfterTooManyFailedAuthenticationsAndCountThem() throws Exception {
    String wrong = "sentinel_" + "w".repeat(43);
    for (int i = 0; i < AuthFailures.DEFAULT_LIMIT; i++) {
      assertThat(get("/api/probe/viewer", wrong).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> limited = get("/api/probe/viewer", TestKeys.VIEWER);
    send(HttpRequest.newBuilder(URI.create(url("/api/probe/viewer")))); // no key: 401, not 429

    assertThat(limited.statusCode()).as("even a good key waits out the window").isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    String scraped = metrics.scrape();
    assertThat(scraped)
        .contains("sentinel_http_auth_failures_total{reason=\"invalid\"} 10.0")
        .contains("sentinel_http_auth_failures_total{reason=\"rate_limited\"} 1.0")
        .contains("sentinel_http_auth_failures_total{reason=\"missing\"} 1.0");
  }
}
