package io.streamsentinel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamsentinel.access.ApiKeyStore;
import io.streamsentinel.access.Role;
import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseSettings;
import io.streamsentinel.domain.Label;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicProvisioner;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.web.CaseRoutes;
import io.streamsentinel.web.HttpAccess;
import io.streamsentinel.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review case's life through the REST API and the CLI, on a real broker and PostgreSQL: opened by
 * the sink from a MANUAL_REVIEW action, shown with its transaction and history, assigned, resolved
 * (audit-logged, label event on fraud-feedback), and bad requests answered with the field named.
 */
class CaseLifecycleIT {

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static ClientConfigFactory clients;
  private static Database database;
  private static KafkaProducer<String, byte[]> producer;
  private static FeedbackPublisher feedback;
  private static WebServer web;
  private static String analystKey;
  private static String viewerKey;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    clients = new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
    try (Admin admin = Admin.create(clients.admin("test").toProperties())) {
      new TopicProvisioner(admin).ensure(TopicCatalog.defaults());
    }
    database = Database.open(DatabaseSettings.embedded(dir.resolve("postgres"), false));
    try (PipelineFeed feed = new PipelineFeed(broker.bootstrapServers(), 5);
        SinkService sink = new SinkService(clients, database, "test").start()) {
      feed.send(1_500);
      await().atMost(Duration.ofSeconds(90)).until(() -> count("review_cases") >= 3);
    }
    producer = new KafkaProducer<>(clients.producer("test-cases").toProperties());
    feedback = new FeedbackPublisher(database, producer, Clock.systemUTC()).startRetries();
    ApiKeyStore keys = new ApiKeyStore(database);
    analystKey = keys.create("ana", Role.ANALYST, "test").secret();
    viewerKey = keys.create("vera", Role.VIEWER, "test").secret();
    web =
        WebServer.start(
            "127.0.0.1",
            0,
            HttpAccess.of(keys),
            new SimpleMeterRegistry(),
            List.of(new CaseRoutes(new CaseService(database, feedback, Clock.systemUTC()))));
  }

  @AfterAll
  static void stop() throws Exception {
    web.close();
    feedback.close();
    producer.close();
    database.close();
    broker.close();
  }

  @Test
  void shouldWorkACaseFromOpenToResolvedThroughTheApi() throws Exception {
    JsonNode open = get("/api/cases?status=open&limit=5");
    assertThat(open.get("count").asInt()).isBetween(1, 5);
    long id = open.get("cases").get(0).get("case_id").asLong();

    JsonNode detail = get("/api/cases/" + id);
    assertThat(detail.at("/case_info/status").asText()).isEqualTo("open");
    assertThat(detail.at("/decision/transaction_id").asText())
        .isEqualTo(detail.at("/case_info/transaction_id").asText());
    assertThat(detail.at("/decision/reasons")).isNotEmpty();
    assertThat(detail.get("recent_history")).isNotEmpty();

    HttpResponse<String> assigned = post("/api/cases/" + id + "/assign", "{\"note\":\"looking\"}");
    assertThat(assigned.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(assigned.body()).get("status").asText()).isEqualTo("in_review");

    HttpResponse<String> resolved =
        post(
            "/api/cases/" + id + "/resolve",
            "{\"resolution\":\"confirmed_fraud\",\"note\":\"card reported stolen\"}");
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    assertThat(JSON.readTree(resolved.body()).get("resolution").asText())
        .isEqualTo("confirmed_fraud");

    assertThat(
            post("/api/cases/" + id + "/resolve", "{\"resolution\":\"false_positive\"}")
                .statusCode())
        .as("a resolved case cannot be resolved again")
        .isEqualTo(409);
    JsonNode audit = get("/api/cases/" + id).get("audit");
    assertThat(audit)
        .extracting(a -> a.get("action").asText())
        .containsExactly("assign_case", "resolve_case");
    assertThat(audit)
        .as("the audit names the key, not a name the body gave")
        .extracting(a -> a.get("actor").asText())
        .containsExactly("ana", "ana");
    assertThat(JSON.readTree(resolved.body()).get("resolved_by").asText()).isEqualTo("ana");

    List<JsonNode> events = feedbackEvents();
    assertThat(events)
        .filteredOn(e -> e.get("case_id").asLong() == id)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("label").asText()).isEqualTo("confirmed_fraud");
              assertThat(e.get("is_fraud").asBoolean()).isTrue();
              assertThat(e.get("analyst").asText()).isEqualTo("ana");
              assertThat(e.get("source").asText()).isEqualTo(Label.ANALYST);
              assertThat(e.get("labelled_at").asText()).isEqualTo(e.get("resolved_at").asText());
              assertThat(LabelCodec.decode(e.toString().getBytes(StandardCharsets.UTF_8)))
                  .as("a resolution is a label event")
                  .isEqualTo(
                      new Label(
                          e.get("transaction_id").asText(),
                          true,
                          e.get("user_id").asText(),
                          Label.ANALYST,
                          Instant.parse(e.get("resolved_at").asText())));
            });
  }

  @Test
  void shouldNameTheFieldOfABadRequest() throws Exception {
    long id = get("/api/cases?status=open&limit=1").get("cases").get(0).get("case_id").asLong();

    assertError(
        post("/api/cases/" + id + "/resolve", "{\"resolution\":\"maybe\"}"), 400, "resolution");
    assertError(
        post(
            "/api/cases/" + id + "/resolve",
            "{\"resolution\":\"false_positive\",\"analyst\":\"someone-else\"}"),
        400,
        "analyst");
    assertError(post("/api/cases/" + id + "/assign", "not json"), 400, "body");
    assertError(post("/api/cases/abc/assign", "{\"analyst\":\"x\"}"), 400, "id");
    assertError(getResponse("/api/cases?limit=100000"), 400, "limit");
    assertError(getResponse("/api/cases?status=closed"), 400, "status");
    assertThat(getResponse("/api/cases/999999").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldLetAViewerReadButNotResolveAndNoOneWithoutAKey() throws Exception {
    long id = get("/api/cases?status=open&limit=1").get("cases").get(0).get("case_id").asLong();

    HttpResponse<String> asViewer =
        send(
            request("/api/cases/" + id + "/resolve", viewerKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resolution\":\"false_positive\"}")));
    HttpResponse<String> read = send(request("/api/cases/" + id, viewerKey).GET());
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/cases/" + id)).GET());
    HttpResponse<String> asText =
        send(
            request("/api/cases/" + id + "/assign", analystKey)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(asViewer.statusCode()).as(asViewer.body()).isEqualTo(403);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(asText.statusCode()).isEqualTo(415);
    assertThat(get("/api/cases/" + id).at("/case_info/status").asText())
        .as("nothing refused changed the case")
        .isEqualTo("open");
  }

  @Test
  void shouldListShowAndResolveFromTheCommandLine() throws Exception {
    String[] where = {
      "--db-data-dir", dir.resolve("postgres").toString(), "-b", broker.bootstrapServers()
    };
    CliRunner list = new CliRunner();
    assertThat(
            list.run(concat(new String[] {"cases", "list", "--status", "open", "--json"}, where)))
        .as(list.err())
        .isZero();
    long id = JSON.readTree(list.out()).get(0).get("case_id").asLong();

    CliRunner show = new CliRunner();
    assertThat(show.run(concat(new String[] {"cases", "show", String.valueOf(id)}, where)))
        .as(show.err())
        .isZero();
    assertThat(show.out())
        .contains("Case " + id)
        .contains("Transaction:")
        .contains("Recent history");

    CliRunner resolve = new CliRunner();
    assertThat(
            resolve.run(
                concat(
                    new String[] {
                      "cases",
                      "resolve",
                      String.valueOf(id),
                      "--resolution",
                      "false_positive",
                      "--analyst",
                      "cli-analyst",
                      "--note",
                      "customer confirmed"
                    },
                    where)))
        .as(resolve.err())
        .isZero();
    assertThat(resolve.out())
        .contains("resolved as false_positive")
        .contains("sent to fraud-feedback");
    assertThat(feedbackEvents())
        .filteredOn(e -> e.get("case_id").asLong() == id)
        .singleElement()
        .satisfies(e -> assertThat(e.get("label").asText()).isEqualTo("false_positive"));

    CliRunner bad = new CliRunner();
    assertThat(
            bad.run(
                concat(
                    new String[] {
                      "cases",
                      "resolve",
                      String.valueOf(id),
                      "--resolution",
                      "nope",
                      "--analyst",
                      "x"
                    },
                    where)))
        .isEqualTo(2);
    assertThat(bad.err()).contains("--resolution").contains("confirmed_fraud");
  }

  private static void assertError(HttpResponse<String> response, int status, String field)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("field").asText()).isEqualTo(field);
    assertThat(body.get("error").asText()).isNotBlank();
  }

  private static List<JsonNode> feedbackEvents() {
    List<JsonNode> events = new ArrayList<>();
    CommittedRecords.read(
        clients,
        TopicCatalog.FRAUD_FEEDBACK,
        Map.of(),
        r -> {
          try {
            events.add(JSON.readTree(new String(r.value(), StandardCharsets.UTF_8)));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    return events;
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response = getResponse(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> getResponse(String path) throws Exception {
    return send(request(path, analystKey).GET());
  }

  /** A JSON write with the analyst's key. */
  private static HttpResponse<String> post(String path, String body) throws Exception {
    return send(
        request(path, analystKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpRequest.Builder request(String path, String key) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + web.port() + path);
  }

  private static long count(String table) throws Exception {
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
