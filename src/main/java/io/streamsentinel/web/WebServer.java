package io.streamsentinel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import io.streamsentinel.codec.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP server. Areas contribute {@link RouteGroup}s and read requests with Javalin's
 * validators; a failed validation becomes one JSON 400 naming the field ({@link RequestErrors}),
 * other refusals ({@link ApiError}) their JSON 4xx, anything unexpected a JSON 500 without
 * internals (logged).
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
   */
  public static WebServer start(String host, int port, List<RouteGroup> groups) {
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jsonMapper(new JavalinJackson(requestMapper(), false));
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
            });
    app.start(host, port);
    log.info("HTTP server listening on http://{}:{}", host, app.port());
    return new WebServer(app);
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
