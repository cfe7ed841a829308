package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.access.ApiKeyStore;
import io.streamsentinel.access.Role;
import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseSettings;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two detector instances of one application, each with its own state and HTTP server: either one
 * answers {@code GET /api/users/{id}} for every user, from its own store or by forwarding to the
 * instance that hosts the user's partition, with the caller's API key (checked by both against the
 * same database).
 */
class UserQueryIT {

  private static final int EVENTS = 3_000;
  private static final int USERS = 150;

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final Detector a = new Detector();
  private final Detector b = new Detector();

  /** A {@code sentinel detect} running in this JVM. */
  private static final class Detector {
    final CliRunner cli = new CliRunner();
    CompletableFuture<Integer> run;
    String endpoint;
  }

  /** Where the detectors check API keys: the embedded PostgreSQL this test runs. */
  private Database keys;

  private String viewerKey;

  @BeforeEach
  void startBroker() {
    keys = Database.open(DatabaseSettings.embedded(dir.resolve("postgres"), false));
    viewerKey = new ApiKeyStore(keys).create("vera", Role.VIEWER, "test").secret();
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
  }

  @AfterEach
  void stop() {
    for (Detector d : new Detector[] {a, b}) {
      d.cli.shutdown.request();
    }
    for (Detector d : new Detector[] {a, b}) {
      if (d.run != null) {
        assertThat(d.run.join()).as(d.cli.err()).isZero();
      }
    }
    broker.close();
    keys.close();
  }

  @Test
  void shouldServeEveryUserFromEitherInstanceForwardingToTheOneThatHostsIt() throws Exception {
    CliRunner topics = new CliRunner();
    assertThat(topics.run("topics", "create", "-b", broker.bootstrapServers()))
        .as(topics.err())
        .isZero();
    start(a, "a");
    start(b, "b");
    // Both in the group before any input: Kafka splits the partitions between them.
    awaitOutput(a, "\\[RUNNING]");
    awaitOutput(b, "\\[RUNNING]");
    generate();
    Map<String, Integer> sent = transactionsPerUser();
    assertThat(sent).hasSizeGreaterThan(USERS / 2);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> committedDecisions() >= EVENTS);

    Map<String, String> servedBy = new HashMap<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertEveryUserServedVia(a, sent, servedBy));
    assertThat(new HashSet<>(servedBy.values()))
        .as("some users are hosted on each instance")
        .containsExactlyInAnyOrder(a.endpoint, b.endpoint);

    String onA = userServedBy(servedBy, a.endpoint);
    JsonNode viaB = json.readTree(get(b, "/api/users/" + onA).body());
    assertThat(viaB.get("served_by").asText()).isEqualTo(a.endpoint);
    assertThat(viaB.at("/profile/transaction_count").asLong()).isEqualTo(sent.get(onA).longValue());

    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create("http://" + b.endpoint + "/api/users/" + onA))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as("no key, no forwarding").isEqualTo(401);
    HttpResponse<String> unknown = get(a, "/api/users/user_nobody");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(unknown.body()).get("field").asText()).isEqualTo("id");
    HttpResponse<String> blank = get(a, "/api/users/%20");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(json.readTree(blank.body()).get("field").asText()).isEqualTo("id");
    assertThat(get(a, "/api/users/" + "u".repeat(129)).statusCode()).isEqualTo(400);
  }

  /** Asks {@code via} for every user: each answer is the user's, with the count that was sent. */
  private void assertEveryUserServedVia(
      Detector via, Map<String, Integer> sent, Map<String, String> servedBy) throws Exception {
    for (Map.Entry<String, Integer> user : sent.entrySet()) {
      HttpResponse<String> response = get(via, "/api/users/" + user.getKey());
      assertThat(response.statusCode()).as("%s: %s", user.getKey(), response.body()).isEqualTo(200);
      JsonNode body = json.readTree(response.body());
      assertThat(body.get("user_id").asText()).isEqualTo(user.getKey());
      assertThat(body.at("/profile/transaction_count").asLong())
          .as("transactions of %s", user.getKey())
          .isEqualTo(user.getValue().longValue());
      assertThat(body.at("/account/status").asText()).isNotBlank();
      servedBy.put(user.getKey(), body.get("served_by").asText());
    }
  }

  private static String userServedBy(Map<String, String> servedBy, String endpoint) {
    return servedBy.entrySet().stream()
        .filter(e -> e.getValue().equals(endpoint))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private void start(Detector detector, String name) {
    detector.run =
        CompletableFuture.supplyAsync(
            () ->
                detector.cli.run(
                    "detect",
                    "-b",
                    broker.bootstrapServers(),
                    "--state-dir",
                    dir.resolve("state-" + name).toString(),
                    "--http-port",
                    "0",
                    "--db-data-dir",
                    dir.resolve("postgres").toString()));
    detector.endpoint = awaitOutput(detector, "Metrics at http://(\\S+)/metrics");
    // Printed on the line after the metrics line, so it is awaited too: asserted at once, it raced.
    awaitOutput(detector, "user state: http://\\S+/api/users/\\{id}");
  }

  private void generate() {
    CliRunner cli = new CliRunner();
    int code =
        cli.run(
            "generate",
            "-b",
            broker.bootstrapServers(),
            "--count",
            String.valueOf(EVENTS),
            "--tps",
            "max",
            "--users",
            String.valueOf(USERS),
            "--seed",
            "21",
            "--start",
            "2026-01-01T00:00:00Z");
    assertThat(code).as(cli.err()).isZero();
  }

  private ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  private long committedDecisions() {
    return CommittedTopics.decisions(clients());
  }

  private Map<String, Integer> transactionsPerUser() {
    return CommittedTopics.transactionsPerUser(clients());
  }

  private String awaitOutput(Detector detector, String regex) {
    Pattern pattern = Pattern.compile(regex);
    Set<String> found = new HashSet<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Matcher m = pattern.matcher(detector.cli.out());
              if (m.find()) {
                found.add(m.groupCount() > 0 ? m.group(1) : m.group());
              }
              assertThat(detector.run.isDone())
                  .as("detector ended early: %s", detector.cli.err())
                  .isFalse();
              return !found.isEmpty();
            });
    return found.iterator().next();
  }

  private HttpResponse<String> get(Detector detector, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://" + detector.endpoint + path))
            .header("Authorization", "Bearer " + viewerKey)
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
