package io.streamsentinel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamsentinel.access.CachedVerifier;
import io.streamsentinel.access.Caller;
import io.streamsentinel.codec.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP server. Areas contribute {@link RouteGroup}s, each route declaring what it
 * {@link Requires} of its caller, and read requests with Javalin's validators; a failed validation
 * becomes one JSON 400 naming the field ({@link RequestErrors}), other refusals ({@link ApiError})
 * their JSON 4xx, anything unexpected a JSON 500 without internals (logged). Who may call is
 * decided in one place before any route runs ({@link HttpGuard}, with the server's {@link
 * HttpAccess}); there is no server without it.
 */
public final class WebServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts a server on {@code host:port} (port 0 picks a free one) with the given route groups.
   *
   * @param host the interface to bind; "127.0.0.1" keeps it local
   * @param access who may call, under which names, and whether over TLS
   * @param meters where the guard counts refused authentications
   */
  public static WebServer start(
      String host, int port, HttpAccess access, MeterRegistry meters, List<RouteGroup> groups) {
    AtomicInteger boundPort = new AtomicInteger(port);
    HttpGuard guard =
        new HttpGuard(
            new CachedVerifier(access.keys(), CachedVerifier.DEFAULT_TTL, Clock.systemUTC()),
            AllowedHosts.of(host, access.hostNames()),
            access.scheme(),
            boundPort::get,
            new AuthFailures(
                AuthFailures.DEFAULT_LIMIT, AuthFailures.DEFAULT_WINDOW, Clock.systemUTC()),
            meters);
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jsonMapper(new JavalinJackson(requestMapper(), false));
              config.routes.before(WebServer::hardenHeaders);
              config.routes.beforeMatched(guard::check);
              config.routes.get("/api/me", WebServer::me, Requires.VIEWER);
              config.routes.exception(
                  ValidationException.class,
                  (e, ctx) -> ctx.status(400).json(RequestErrors.body(e)));
              config.routes.exception(
                  ApiError.class,
                  (e, ctx) -> ctx.status(e.status()).json(errorBody(e.getMessage(), e.field())));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    log.error("HTTP {} {} failed", ctx.method(), ctx.path(), e);
                    ctx.status(500).json(errorBody("internal error, see the server log", null));
                  });
              groups.forEach(group -> group.register(config));
              if (access.tls() != null) {
                config.jetty.addConnector(
                    (server, http) -> TlsConnector.create(server, http, access.tls(), host, port));
              }
            });
    if (access.tls() == null) {
      app.start(host, port);
    } else {
      TlsConnector.start(app, access.tls());
    }
    boundPort.set(app.port());
    log.info("HTTP server listening on {}://{}:{}", access.scheme(), host, app.port());
    return new WebServer(app);
  }

  /** {@code GET /api/me}: the caller's key name and role, so a page can say who is signed in. */
  private static void me(Context ctx) {
    Caller caller = HttpGuard.caller(ctx);
    ctx.json(Map.of("name", caller.name(), "role", caller.role().wireName()));
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return app.port();
  }

  /**
   * {@link Json#mapper()}, reading request bodies strictly: a text field takes only a JSON string,
   * so {@code "analyst": 5} is refused naming the field rather than read as "5".
   */
  private static ObjectMapper requestMapper() {
    ObjectMapper mapper = Json.mapper();
    for (CoercionInputShape shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }

  /**
   * Every answer, static files included: never framed by another page (clickjacking), never
   * content-sniffed.
   */
  private static void hardenHeaders(Context ctx) {
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", "frame-ancestors 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
  }

  static Map<String, Object> errorBody(String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    return body;
  }

  @Override
  public void close() {
    app.stop();
  }
}
