package io.streamsentinel.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.streaming.UserStateLookup;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user API, served by every detector instance from its Kafka Streams state: {@code GET
 * /api/users/{id}}. When another instance hosts the user's partition the request is forwarded to it
 * once, with the caller's API key, so any instance answers for every user (a viewer's key).
 *
 * <p>200:
 *
 * <pre>{@code
 * {
 *   "user_id": "user_0042",
 *   "served_by": "127.0.0.1:8081",          // host:port of the instance whose store answered
 *   "account": {
 *     "status": "ACTIVE",                   // in force now: ACTIVE, STEP_UP_REQUIRED or BLOCKED
 *     "reason": null, "updated_at": null,   // from account-status; null when the user has no
 *     "expires_at": null                    // record (ACTIVE) or the field is not set
 *   },
 *   "profile": {
 *     "transaction_count": 17,
 *     "last_transaction_at": "2026-01-01T10:04:05Z",       // event time; null before any
 *     "amounts": {"mean": 42.17, "standard_deviation": 12.30, "max": 120.00},  // lifetime
 *     "last_place": {"at": "2026-01-01T10:04:05Z", "latitude": 52.52, "longitude": 13.405,
 *                    "country": "DE"},                      // null when never seen with coordinates
 *     "recent_merchants": ["Amazon", ...],                 // distinct, most recent first,
 *     "recent_categories": [...], "recent_countries": [...], "recent_devices": [...], // bounded
 *     "transactions_by_utc_hour": [0, 0, 1, ...],          // 24 counts, index = UTC hour
 *     "daily_spend": {"day": "2026-01-01", "count": 3, "total": 120.50,  // the current day
 *                     "past_active_days": 4, "past_total": 300.00},     // (null before any)
 *     "velocity": [                          // as of the newest transaction, shortest first:
 *       {"window": "one_minute", "seconds": 60, "count": 1, "total": 25.00,
 *        "small_amounts": 0, "new_merchants": 0, "new_devices": 0},
 *       ... ten_minutes, one_hour, one_day
 *     ]
 *   }
 * }
 * }</pre>
 *
 * Money is a decimal in currency units. Errors are {@code {"error": ..., "field": ...}}: 400 for a
 * blank id or one longer than {@value Transaction#MAX_ID_LENGTH} characters, 404 for a user with no
 * transaction seen (both with {@code "field": "id"}), 503 with {@code Retry-After} while the store
 * is not available (start-up, rebalancing, restoring) or the hosting instance does not answer.
 */
public final class UserRoutes implements RouteGroup {

  /** Marks a request one instance forwarded to another; such a request is never forwarded again. */
  static final String FORWARDED_HEADER = "X-Sentinel-Forwarded";

  /** Seconds a client should wait before asking again: a rebalance usually settles by then. */
  static final String RETRY_AFTER_SECONDS = "1";

  private static final Logger log = LoggerFactory.getLogger(UserRoutes.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

  private final Function<String, UserStateLookup.Result> lookup;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /**
   * @param lookup finds a user's state, e.g. {@code UserStateLookup::find}
   * @param clock judges whether a step-up status has lapsed
   */
  public UserRoutes(Function<String, UserStateLookup.Result> lookup, Clock clock) {
    this.lookup = lookup;
    this.clock = clock;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get("/api/users/{id}", this::show, Requires.VIEWER);
  }

  private void show(Context ctx) {
    String id = userId(ctx);
    UserStateLookup.Result result = lookup.apply(id);
    // Java 17 has no pattern matching for switch; the Result interface is sealed to these four.
    if (result instanceof UserStateLookup.Served s) {
      ctx.json(UserView.of(s.servedBy(), s.profile(), s.account(), clock.instant()));
    } else if (result instanceof UserStateLookup.HostedElsewhere h) {
      forward(ctx, id, h);
    } else if (result instanceof UserStateLookup.NotAvailable n) {
      unavailable(ctx, "user state not available now: " + n.reason());
    } else {
      throw new ApiError(404, "id", "user '" + id + "' not found: no transaction of theirs seen");
    }
  }

  /** The id as given, checked like a transaction's user id (a 400 naming "id" otherwise). */
  private static String userId(Context ctx) {
    int length = ctx.pathParam("id").length();
    return ctx.pathParamAsClass("id", String.class)
        .check(id -> !id.isBlank(), "a user id must not be blank")
        .check(
            id -> id.length() <= Transaction.MAX_ID_LENGTH,
            "a user id has at most " + Transaction.MAX_ID_LENGTH + " characters, got " + length)
        .get();
  }

  private void forward(Context ctx, String id, UserStateLookup.HostedElsewhere host) {
    String target = host.host() + ":" + host.port();
    if (ctx.header(FORWARDED_HEADER) != null) {
      // The forwarding instance thought it was here; the two disagree while partitions move.
      unavailable(ctx, "instances disagree on who hosts user '" + id + "' (rebalancing)");
      return;
    }
    // The caller's own key goes along: the other instance checks it against the same keys, so a
    // forwarded request can do no more than the caller could there.
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(ctx.scheme() + "://" + target + "/api/users/" + pathSegment(id)))
            .timeout(FORWARD_TIMEOUT)
            .header(FORWARDED_HEADER, "true")
            .header("Authorization", ctx.header("Authorization"))
            .GET()
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      ctx.status(answer.statusCode())
          .contentType(answer.headers().firstValue("Content-Type").orElse("application/json"))
          .result(answer.body());
      answer.headers().firstValue("Retry-After").ifPresent(v -> ctx.header("Retry-After", v));
    } catch (IOException e) {
      log.warn("Forwarding user {} to {} failed: {}", id, target, e.toString());
      unavailable(ctx, "the instance hosting the user (" + target + ") did not answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(ctx, "interrupted while asking " + target);
    }
  }

  private static void unavailable(Context ctx, String message) {
    ctx.status(503)
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .json(WebServer.errorBody(message, null));
  }

  /** The id as one path segment: every reserved character escaped, a space as %20. */
  private static String pathSegment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
