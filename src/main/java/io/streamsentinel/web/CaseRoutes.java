package io.streamsentinel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.streamsentinel.persistence.CaseException;
import io.streamsentinel.persistence.CaseQuery;
import io.streamsentinel.persistence.CaseService;
import io.streamsentinel.persistence.CaseStatus;
import io.streamsentinel.persistence.CaseView;
import io.streamsentinel.persistence.Resolution;
import java.util.List;
import java.util.Map;

/**
 * The review-case API: {@code GET /api/cases} (filters: status, assignee, severity, user_id,
 * limit), {@code GET /api/cases/{id}}, {@code POST /api/cases/{id}/assign} with {@code {"analyst",
 * "note"}} and {@code POST /api/cases/{id}/resolve} with {@code {"resolution", "analyst", "note"}}.
 * A bad request gets a 4xx with a JSON error naming the field.
 */
public final class CaseRoutes implements RouteGroup {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseService cases;

  public CaseRoutes(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get("/api/cases", this::list);
    config.routes.get("/api/cases/{id}", this::show);
    config.routes.post("/api/cases/{id}/assign", this::assign);
    config.routes.post("/api/cases/{id}/resolve", this::resolve);
    config.routes.exception(CaseException.class, (e, ctx) -> ctx.status(status(e)).json(body(e)));
  }

  private void list(Context ctx) {
    CaseQuery query =
        new CaseQuery(
            parse("status", ctx.queryParam("status"), CaseStatus::parse),
            ctx.queryParam("assignee"),
            upper(ctx.queryParam("severity")),
            ctx.queryParam("user_id"),
            intParam(ctx, "limit", CaseQuery.DEFAULT_LIMIT));
    List<CaseView> found = cases.list(query);
    ctx.json(Map.of("cases", found, "count", found.size()));
  }

  private void show(Context ctx) {
    long id = caseId(ctx);
    ctx.json(cases.find(id).orElseThrow(() -> ApiError.notFound("case " + id)));
  }

  private void assign(Context ctx) {
    JsonNode body = body(ctx);
    ctx.json(cases.assign(caseId(ctx), text(body, "analyst"), text(body, "note")));
  }

  private void resolve(Context ctx) {
    JsonNode body = body(ctx);
    Resolution resolution = parse("resolution", text(body, "resolution"), Resolution::parse);
    if (resolution == null) {
      throw ApiError.badField("resolution", "required: confirmed_fraud or false_positive");
    }
    ctx.json(cases.resolve(caseId(ctx), resolution, text(body, "analyst"), text(body, "note")));
  }

  private static long caseId(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiError.badField("id", "a case id is a number, got '" + text + "'");
    }
  }

  private static JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text == null || text.isBlank()) {
      throw ApiError.badField("body", "a JSON object is required");
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (!node.isObject()) {
        throw ApiError.badField("body", "must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiError.badField("body", "not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiError.badField(field, "must be a string");
    }
    return value.asText();
  }

  private static int intParam(Context ctx, String name, int fallback) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiError.badField(name, "must be a whole number, got '" + text + "'");
    }
  }

  private static <T> T parse(String field, String text, java.util.function.Function<String, T> p) {
    if (text == null) {
      return null;
    }
    try {
      return p.apply(text);
    } catch (IllegalArgumentException e) {
      throw ApiError.badField(field, e.getMessage());
    }
  }

  private static String upper(String text) {
    return text == null ? null : text.toUpperCase(java.util.Locale.ROOT);
  }

  private static int status(CaseException e) {
    return switch (e.kind()) {
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case INVALID -> 400;
    };
  }

  private static Map<String, Object> body(CaseException e) {
    return WebServer.errorBody(e.getMessage(), e.field());
  }
}
