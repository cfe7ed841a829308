package io.streamsentinel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.testing.TestKeys;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad case-API requests are refused by Javalin's validators with one 400 shape, {@code {"error":
 * .., "field": ..}}, before the case service is asked (so none is given here). A body that names an
 * analyst is refused: the analyst is the API key's name.
 */
class CaseRoutesValidationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static WebServer server;

  @BeforeAll
  static void start() {
    server = TestKeys.start(List.of(new CaseRoutes(null)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET  | /api/cases?limit=100000 |                                        | limit",
        "GET  | /api/cases?limit=0      |                                        | limit",
        "GET  | /api/cases?limit=ten    |                                        | limit",
        "GET  | /api/cases?status=closed |                                       | status",
        "GET  | /api/cases/abc          |                                        | id",
        "POST | /api/cases/abc/assign   | {\"note\":\"x\"}                       | id",
        "POST | /api/cases/1/assign     | not json                               | body",
        "POST | /api/cases/1/assign     | [1]                                    | body",
        "POST | /api/cases/1/assign     | {\"analyst\":5}                        | analyst",
        "POST | /api/cases/1/resolve    | {\"resolution\":\"maybe\"}             | resolution",
        "POST | /api/cases/1/resolve    | {\"note\":\"x\"}                       | resolution",
        "POST | /api/cases/1/assign     | {\"analyst\":\"a\\u0000b\"}             | analyst",
        "POST | /api/cases/1/assign     | {\"analyst\":\"ana\"}                  | analyst",
        "POST | /api/cases/1/resolve    | {\"resolution\":\"false_positive\",\"analyst\":\"bo\"} | analyst",
        "POST | /api/cases/1/resolve    | {\"resolution\":\"false_positive\",\"note\":\"n\\u0000\"} | note",
        "GET  | /api/cases?assignee=a%00b |                                      | assignee",
      })
  void shouldAnswer400NamingTheField(String method, String path, String body, String field)
      throws Exception {
    HttpRequest.Builder request =
        TestKeys.request("http://127.0.0.1:" + server.port() + path, TestKeys.ANALYST);
    if (method.equals("POST")) {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("error").asText()).startsWith(field + ": ");
  }
}
