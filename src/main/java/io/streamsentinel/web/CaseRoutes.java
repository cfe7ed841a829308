package io.streamsentinel.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.streamsentinel.persistence.CaseException;
import io.streamsentinel.persistence.CaseQuery;
import io.streamsentinel.persistence.CaseService;
import io.streamsentinel.persistence.CaseStatus;
import io.streamsentinel.persistence.CaseView;
import io.streamsentinel.persistence.Resolution;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review-case API: {@code GET /api/cases} (filters: status, assignee, severity, user_id, limit)
 * and {@code GET /api/cases/{id}} for viewers; {@code POST /api/cases/{id}/assign} with {@code
 * {"note"}} and {@code POST /api/cases/{id}/resolve} with {@code {"resolution", "note"}} for
 * analysts. The analyst written to the case, its audit entry and its label event is the caller's
 * API key name; a body that names an {@code analyst} is refused (400), so no client can believe it
 * acts under another name. Parameters and bodies are read with Javalin's validators; a bad one
 * becomes a 400 naming the field ({@link RequestErrors}), a refused operation the {@link
 * CaseException}'s status.
 */
public final class CaseRoutes implements RouteGroup {

  private static final String RESOLUTIONS = "required: confirmed_fraud or false_positive";

  private final CaseService cases;

  public CaseRoutes(CaseService cases) {
    this.cases = cases;
  }

  private static final String ANALYST_FROM_KEY =
      "not accepted: the analyst is the name of the API key that makes the request";

  /**
   * The body of an assignment; unknown fields are ignored, as before. {@code analyst} is read only
   * to refuse it.
   */
  record AssignRequest(String analyst, String note) {}

  /** The body of a resolution; the resolution stays text so a bad one is named, not "body". */
  record ResolveRequest(String resolution, String analyst, String note) {}

  @Override
  public void register(JavalinConfig config) {
    config.validation.register(CaseStatus.class, CaseStatus::parse);
    config.routes.get("/api/cases", this::list, Requires.VIEWER);
    config.routes.get("/api/cases/{id}", this::show, Requires.VIEWER);
    config.routes.post("/api/cases/{id}/assign", this::assign, Requires.ANALYST);
    config.routes.post("/api/cases/{id}/resolve", this::resolve, Requires.ANALYST);
    config.routes.exception(CaseException.class, (e, ctx) -> ctx.status(status(e)).json(body(e)));
  }

  private void list(Context ctx) {
    CaseQuery query =
        new CaseQuery(
            ctx.queryParamAsClass("status", CaseStatus.class).getOrNull(),
            text(ctx, "assignee"),
            upper(text(ctx, "severity")),
            text(ctx, "user_id"),
            ctx.queryParamAsClass("limit", Integer.class)
                .check(
                    limit -> limit >= 1 && limit <= CaseQuery.MAX_LIMIT,
                    "must be within [1, " + CaseQuery.MAX_LIMIT + "]")
                .getOrDefault(CaseQuery.DEFAULT_LIMIT));
    List<CaseView> found = cases.list(query);
    ctx.json(Map.of("cases", found, "count", found.size()));
  }

  private void show(Context ctx) {
    long id = caseId(ctx);
    ctx.json(cases.find(id).orElseThrow(() -> ApiError.notFound("case " + id)));
  }

  private void assign(Context ctx) {
    long id = caseId(ctx);
    AssignRequest body =
        ctx.bodyValidator(AssignRequest.class)
            .check("analyst", r -> r.analyst() == null, ANALYST_FROM_KEY)
            .check("note", r -> noNul(r.note()), NO_NUL)
            .get();
    ctx.json(cases.assign(id, HttpGuard.caller(ctx).name(), body.note()));
  }

  private void resolve(Context ctx) {
    long id = caseId(ctx);
    ResolveRequest body =
        ctx.bodyValidator(ResolveRequest.class)
            .check("resolution", r -> isResolution(r.resolution()), RESOLUTIONS)
            .check("analyst", r -> r.analyst() == null, ANALYST_FROM_KEY)
            .check("note", r -> noNul(r.note()), NO_NUL)
            .get();
    ctx.json(
        cases.resolve(
            id, Resolution.parse(body.resolution()), HttpGuard.caller(ctx).name(), body.note()));
  }

  /** PostgreSQL text cannot hold NUL: refused here as a 400, not a database error's 500. */
  private static final String NO_NUL = "must not contain a NUL character";

  private static boolean noNul(String text) {
    return text == null || text.indexOf('\u0000') < 0;
  }

  private static String text(Context ctx, String param) {
    String value = ctx.queryParam(param);
    if (!noNul(value)) {
      throw new ApiError(400, param, param + ": " + NO_NUL);
    }
    return value;
  }

  private static boolean isResolution(String text) {
    try {
      return text != null && Resolution.parse(text) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static long caseId(Context ctx) {
    return ctx.pathParamAsClass("id", Long.class).get();
  }

  private static String upper(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
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
