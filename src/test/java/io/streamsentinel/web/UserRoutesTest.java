package io.streamsentinel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.streaming.UserStateLookup;
import io.streamsentinel.testing.TestKeys;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/users/{id}} on real servers on port 0, over a stand-in for the store lookup. */
class UserRoutesTest {

  private static final Instant NOON = Instant.parse("2026-01-05T12:00:00Z");
  private static final Clock NOW = Clock.fixed(NOON.plusSeconds(3_600), ZoneOffset.UTC);

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final List<WebServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(WebServer::close);
  }

  private WebServer serve(Map<String, UserStateLookup.Result> results) {
    WebServer server =
        TestKeys.start(
            List.of(
                new UserRoutes(
                    id -> results.getOrDefault(id, new UserStateLookup.Unknown()), NOW)));
    servers.add(server);
    return server;
  }

  private HttpResponse<String> get(WebServer server, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        TestKeys.request("http://127.0.0.1:" + server.port() + path, TestKeys.VIEWER);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Transaction tx(String id, Instant time, String amount, String merchant) {
    return Transaction.builder()
        .transactionId(id)
        .userId("user_7")
        .amount(new BigDecimal(amount))
        .timestamp(time)
        .merchant(merchant)
        .merchantCategory("shop")
        .country("DE")
        .latitude(52.52)
        .longitude(13.405)
        .deviceId("phone")
        .build();
  }

  /** Three transactions of user_7 on one day: 25.00, 3.50 (a small one) and 120.00. */
  private static UserProfile profile() {
    return UserProfile.empty("user_7")
        .with(tx("t1", NOON, "25.00", "grocer"))
        .with(tx("t2", NOON.plusSeconds(1_800), "3.50", "kiosk"))
        .with(tx("t3", NOON.plusSeconds(1_830), "120.00", "grocer"));
  }

  private static UserStateLookup.Served served(AccountState account) {
    return new UserStateLookup.Served(profile(), account, "10.0.0.2:8080");
  }

  @Test
  void shouldRenderTheProfileInReadableFormWithAmountsAsDecimals() throws Exception {
    WebServer server = serve(Map.of("user_7", served(null)));

    HttpResponse<String> response = get(server, "/api/users/user_7");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("user_id").asText()).isEqualTo("user_7");
    assertThat(body.get("served_by").asText()).isEqualTo("10.0.0.2:8080");
    assertThat(body.at("/account/status").asText()).isEqualTo("ACTIVE");
    assertThat(body.at("/account/reason").isNull()).isTrue();
    JsonNode profile = body.get("profile");
    assertThat(profile.get("transaction_count").asLong()).isEqualTo(3);
    assertThat(profile.get("last_transaction_at").asText()).isEqualTo("2026-01-05T12:30:30Z");
    assertThat(profile.at("/amounts/max").decimalValue()).isEqualByComparingTo("120.00");
    assertThat(profile.at("/amounts/mean").decimalValue()).isEqualByComparingTo("49.50");
    assertThat(profile.at("/last_place/country").asText()).isEqualTo("DE");
    assertThat(profile.at("/last_place/latitude").asDouble()).isEqualTo(52.52);
    assertThat(profile.get("recent_merchants").toString()).isEqualTo("[\"grocer\",\"kiosk\"]");
    assertThat(profile.get("recent_devices").toString()).isEqualTo("[\"phone\"]");
    assertThat(profile.get("transactions_by_utc_hour")).hasSize(24);
    assertThat(profile.get("transactions_by_utc_hour").get(12).asInt()).isEqualTo(3);
    assertThat(profile.at("/daily_spend/day").asText()).isEqualTo("2026-01-05");
    assertThat(profile.at("/daily_spend/count").asInt()).isEqualTo(3);
    assertThat(profile.at("/daily_spend/total").decimalValue()).isEqualByComparingTo("148.50");
    assertThat(profile.at("/daily_spend/past_active_days").asInt()).isZero();
    JsonNode minute = profile.get("velocity").get(0);
    assertThat(minute.get("window").asText()).isEqualTo("one_minute");
    assertThat(minute.get("seconds").asLong()).isEqualTo(60);
    assertThat(minute.get("count").asInt()).isEqualTo(2);
    assertThat(minute.get("total").decimalValue()).isEqualByComparingTo("123.50");
    assertThat(minute.get("small_amounts").asInt()).isEqualTo(1);
    assertThat(minute.get("new_merchants").asInt()).isEqualTo(1);
    JsonNode day = profile.get("velocity").get(3);
    assertThat(day.get("window").asText()).isEqualTo("one_day");
    assertThat(day.get("count").asInt()).isEqualTo(3);
    assertThat(day.get("new_devices").asInt()).isZero();
  }

  @Test
  void shouldShowTheAccountStatusInForceNow() throws Exception {
    AccountState blocked =
        new AccountState("user_7", AccountStatus.BLOCKED, "critical alert", NOON, null);
    AccountState lapsedStepUp =
        new AccountState(
            "user_8", AccountStatus.STEP_UP_REQUIRED, "high alert", NOON, NOON.plusSeconds(60));
    WebServer server =
        serve(
            Map.of(
                "user_7",
                served(blocked),
                "user_8",
                new UserStateLookup.Served(profile(), lapsedStepUp, "a:1")));

    JsonNode first = json.readTree(get(server, "/api/users/user_7").body());
    JsonNode second = json.readTree(get(server, "/api/users/user_8").body());

    assertThat(first.at("/account/status").asText()).isEqualTo("BLOCKED");
    assertThat(first.at("/account/reason").asText()).isEqualTo("critical alert");
    assertThat(first.at("/account/updated_at").asText()).isEqualTo("2026-01-05T12:00:00Z");
    assertThat(second.at("/account/status").asText()).isEqualTo("ACTIVE");
    assertThat(second.at("/account/expires_at").asText()).isEqualTo("2026-01-05T12:01:00Z");
  }

  @Test
  void shouldAnswer404NamingTheIdForAnUnknownUser() throws Exception {
    HttpResponse<String> response = get(serve(Map.of()), "/api/users/nobody");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("field").asText()).isEqualTo("id");
    assertThat(body.get("error").asText()).contains("nobody");
  }

  @Test
  void shouldAnswer400ForABlankOrOverLongId() throws Exception {
    WebServer server = serve(Map.of());

    HttpResponse<String> blank = get(server, "/api/users/%20");
    HttpResponse<String> long_ = get(server, "/api/users/" + "u".repeat(129));

    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(json.readTree(blank.body()).get("field").asText()).isEqualTo("id");
    assertThat(long_.statusCode()).isEqualTo(400);
    assertThat(json.readTree(long_.body()).get("error").asText()).contains("128").contains("129");
  }

  @Test
  void shouldAnswer503WithRetryAfterWhileTheStoreIsNotAvailable() throws Exception {
    WebServer server =
        serve(Map.of("user_7", new UserStateLookup.NotAvailable("rebalancing right now")));

    HttpResponse<String> response = get(server, "/api/users/user_7");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(json.readTree(response.body()).get("error").asText())
        .contains("rebalancing right now");
  }

  @Test
  void shouldForwardOnceToTheHostingInstanceMarkingTheRequestWithTheCallersKey() throws Exception {
    AtomicInteger forwardedSeen = new AtomicInteger();
    List<String> keysSeen = new ArrayList<>();
    Map<String, UserStateLookup.Result> onB = new HashMap<>();
    onB.put("user_7", served(null));
    WebServer b =
        TestKeys.start(
            List.of(
                config ->
                    config.routes.before(
                        "/api/users/*",
                        ctx -> {
                          if (ctx.header(UserRoutes.FORWARDED_HEADER) != null) {
                            forwardedSeen.incrementAndGet();
                            keysSeen.add(ctx.header("Authorization"));
                          }
                        }),
                new UserRoutes(id -> onB.getOrDefault(id, new UserStateLookup.Unknown()), NOW)));
    servers.add(b);
    UserStateLookup.Result onBSide = new UserStateLookup.HostedElsewhere("127.0.0.1", b.port());
    WebServer a = serve(Map.of("user_7", onBSide, "ghost", onBSide));

    HttpResponse<String> found = get(a, "/api/users/user_7");
    HttpResponse<String> missing = get(a, "/api/users/ghost");

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(json.readTree(found.body()).get("served_by").asText()).isEqualTo("10.0.0.2:8080");
    assertThat(missing.statusCode()).as("B's answer, passed on").isEqualTo(404);
    assertThat(json.readTree(missing.body()).get("field").asText()).isEqualTo("id");
    assertThat(forwardedSeen).hasValue(2);
    assertThat(keysSeen).containsOnly("Bearer " + TestKeys.VIEWER);
  }

  @Test
  void shouldNotForwardARequestThatWasAlreadyForwarded() throws Exception {
    WebServer a = serve(Map.of("user_7", new UserStateLookup.HostedElsewhere("127.0.0.1", 1)));

    HttpResponse<String> response =
        get(a, "/api/users/user_7", UserRoutes.FORWARDED_HEADER, "true");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(response.body()).get("error").asText()).contains("disagree");
  }

  @Test
  void shouldAnswer503WhenTheHostingInstanceDoesNotAnswer() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WebServer a =
        serve(Map.of("user_7", new UserStateLookup.HostedElsewhere("127.0.0.1", closedPort)));

    HttpResponse<String> response = get(a, "/api/users/user_7");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(response.body()).get("error").asText())
        .contains("127.0.0.1:" + closedPort);
  }
}
