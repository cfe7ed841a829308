package io.streamsentinel.web;

import io.javalin.config.JavalinConfig;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: every meter of the process in the Prometheus text format, for a viewer's
 * key (a scraper sends it as a bearer token: Prometheus' {@code authorization} setting).
 */
public final class MetricsRoutes implements RouteGroup {

  /** The content type of the Prometheus text exposition format 0.0.4. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Supplier<String> scrape;

  /**
   * @param scrape renders the registry, e.g. {@code ProcessMetrics::scrape}
   */
  public MetricsRoutes(Supplier<String> scrape) {
    this.scrape = scrape;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get(
        "/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(scrape.get()), Requires.VIEWER);
  }
}
