package io.streamsentinel.web;

import io.javalin.config.JavalinConfig;
import io.streamsentinel.monitoring.HealthStatus;
import java.util.function.Supplier;

/**
 * {@code GET /health}: the latest verdict of the health rules as JSON, 200 when no rule fires and
 * 503 when one does, so a load balancer or probe can act on the status code alone. The one route
 * that needs no API key: a probe has none, and the verdict names no user or case.
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
          ctx.status(status.healthy() ? 200 : 503).json(status.describe());
        },
        Requires.PUBLIC);
    // Load balancers often probe with HEAD; without a route of its own it would need a key.
    config.routes.head(
        "/health", ctx -> ctx.status(health.get().healthy() ? 200 : 503), Requires.PUBLIC);
  }
}
