package io.streamsentinel.web;

import io.javalin.config.JavalinConfig;
import io.streamsentinel.monitoring.HealthStatus;
import io.streamsentinel.monitoring.RuleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: the latest verdict of the health rules as JSON, 200 when no rule fires and
 * 503 when one does, so a load balancer or probe can act on the status code alone.
 */
public final class HealthRoutes implements RouteGroup {

  private final Supplier<HealthStatus> health;

  /**
   * @param health the latest status, e.g. {@code HealthMonitor::current}
   */
  public HealthRoutes(Supplier<HealthStatus> health) {
    this.health = health;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get(
        "/health",
        ctx -> {
          HealthStatus status = health.get();
          ctx.status(status.healthy() ? 200 : 503).json(body(status));
        });
  }

  static Map<String, Object> body(HealthStatus status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.healthy() ? "UP" : "DOWN");
    body.put("component", status.component());
    body.put("time", status.time().toString());
    List<Map<String, Object>> rules = new ArrayList<>();
    for (RuleResult r : status.results()) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("rule", r.rule().id());
      rule.put("state", !r.measured() ? "not_measured" : r.firing() ? "firing" : "clear");
      rule.put("value", Double.isFinite(r.value()) ? r.value() : null);
      rule.put("threshold", r.threshold());
      rules.add(rule);
    }
    body.put("rules", rules);
    return body;
  }
}
