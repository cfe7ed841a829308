package io.streamsentinel.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamsentinel.access.Caller;
import io.streamsentinel.access.KeyVerifier;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one enforcement point of a server, run before every matched route and static file, in this
 * order:
 *
 * <ol>
 *   <li>a {@code Host} that is not this server, or an {@code Origin} that is not its own: 403;
 *   <li>{@link Requires#PUBLIC} routes pass;
 *   <li>no {@code Authorization: Bearer} key: 401; an address with too many recent failures: 429
 *       with {@code Retry-After}, its key not even checked; an unknown or revoked key: 401, counted
 *       against the address;
 *   <li>a key whose role does not include the route's: 403;
 *   <li>a write (any method but GET, HEAD and OPTIONS) whose body is not {@code application/json}:
 *       415 (a browser sends a cross-site form or {@code text/plain} body without asking first;
 *       JSON it does not).
 * </ol>
 *
 * Every refused authentication is counted in {@code sentinel_http_auth_failures_total{reason}}
 * (missing, invalid, rate_limited). A route may read who called with {@link #caller(Context)}.
 */
final class HttpGuard {

  private static final Logger log = LoggerFactory.getLogger(HttpGuard.class);
  private static final String CALLER = "sentinel.caller";
  private static final String BEARER = "bearer ";

  /** Methods that change nothing; every other one is a write. */
  private static final Set<HandlerType> READS =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final KeyVerifier keys;
  private final AllowedHosts hosts;
  private final String scheme;
  private final IntSupplier port;
  private final AuthFailures failures;
  private final Map<String, Counter> refused;

  HttpGuard(
      KeyVerifier keys,
      AllowedHosts hosts,
      String scheme,
      IntSupplier port,
      AuthFailures failures,
      MeterRegistry meters) {
    this.keys = keys;
    this.hosts = hosts;
    this.scheme = scheme;
    this.port = port;
    this.failures = failures;
    this.refused =
        Map.of(
            "missing", counter(meters, "missing"),
            "invalid", counter(meters, "invalid"),
            "rate_limited", counter(meters, "rate_limited"));
  }

  private static Counter counter(MeterRegistry meters, String reason) {
    return Counter.builder("sentinel.http.auth.failures")
        .description("Requests refused for a missing or wrong API key, or rate-limited")
        .tag("reason", reason)
        .register(meters);
  }

  /** Who called; only on a route that needs a key. */
  static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    if (caller == null) {
      throw new IllegalStateException(ctx.path() + " reads its caller but requires no key");
    }
    return caller;
  }

  void check(Context ctx) {
    if (!isOwnHost(ctx)) {
      refuse(ctx, 403, "foreign Host or Origin: this server answers only to its own names");
      return;
    }
    Requires required = required(ctx.routeRoles());
    if (required == Requires.PUBLIC) {
      return;
    }
    Optional<Caller> caller = authenticate(ctx);
    if (caller.isEmpty()) {
      return; // refused
    }
    if (!caller.get().role().includes(required.role())) {
      refuse(
          ctx,
          403,
          "the key '"
              + caller.get().name()
              + "' has the role "
              + caller.get().role().wireName()
              + "; this needs "
              + required.role().wireName());
      return;
    }
    if (!READS.contains(ctx.method()) && !isJson(ctx.contentType())) {
      refuse(ctx, 415, "a write needs Content-Type: application/json");
      return;
    }
    ctx.attribute(CALLER, caller.get());
  }

  private boolean isOwnHost(Context ctx) {
    int own = port.getAsInt();
    String origin = ctx.header("Origin");
    return hosts.acceptsHost(ctx.header("Host"), scheme, own)
        && (origin == null || hosts.acceptsOrigin(origin, scheme, own));
  }

  /**
   * The route's requirement: no role declared (for example a HEAD answered for a GET route, which
   * Javalin 7.2.3 gives no roles) means {@link Requires#ADMIN}, so an oversight closes a route.
   */
  private static Requires required(Set<RouteRole> roles) {
    Requires strictest = null;
    for (RouteRole role : roles) {
      if (role instanceof Requires r && (strictest == null || r.compareTo(strictest) > 0)) {
        strictest = r;
      }
    }
    return strictest == null ? Requires.ADMIN : strictest;
  }

  private Optional<Caller> authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null
        || header.length() <= BEARER.length()
        || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      refused.get("missing").increment();
      unauthorized(ctx, "an API key is required: Authorization: Bearer <key>");
      return Optional.empty();
    }
    String address = ctx.ip();
    Duration blocked = failures.blockedFor(address);
    if (!blocked.isZero()) {
      refused.get("rate_limited").increment();
      ctx.header("Retry-After", String.valueOf(Math.max(1, blocked.toSeconds())));
      refuse(ctx, 429, "too many failed authentications from " + address + "; try again later");
      return Optional.empty();
    }
    Optional<Caller> caller;
    try {
      caller = keys.verify(header.substring(BEARER.length()).strip());
    } catch (RuntimeException e) {
      log.warn("API keys cannot be checked now: {}", e.toString());
      ctx.header("Retry-After", "5");
      refuse(ctx, 503, "API keys cannot be checked now (database unavailable)");
      return Optional.empty();
    }
    if (caller.isEmpty()) {
      failures.record(address);
      refused.get("invalid").increment();
      log.debug("unknown or revoked API key from {}", address);
      unauthorized(ctx, "unknown or revoked API key");
    }
    return caller;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().equalsIgnoreCase("application/json");
  }

  private static void unauthorized(Context ctx, String message) {
    ctx.header("WWW-Authenticate", "Bearer");
    refuse(ctx, 401, message);
  }

  private static void refuse(Context ctx, int status, String message) {
    ctx.status(status).json(WebServer.errorBody(message, null));
    ctx.skipRemainingHandlers();
  }
}
