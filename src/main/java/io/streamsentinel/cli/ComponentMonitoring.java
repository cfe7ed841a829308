package io.streamsentinel.cli;

import io.javalin.util.JavalinBindException;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.PortInUseException;
import io.streamsentinel.monitoring.Dashboard;
import io.streamsentinel.monitoring.HealthMonitor;
import io.streamsentinel.monitoring.HealthRules;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.monitoring.Readings;
import io.streamsentinel.monitoring.SystemMetricsPublisher;
import io.streamsentinel.web.CaseRoutes;
import io.streamsentinel.web.DashboardRoutes;
import io.streamsentinel.web.HealthRoutes;
import io.streamsentinel.web.MetricsRoutes;
import io.streamsentinel.web.RouteGroup;
import io.streamsentinel.web.UserRoutes;
import io.streamsentinel.web.WebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A component's monitoring, started by its command: the health monitor (events and snapshots to
 * system-metrics) and, when asked, the HTTP server with {@code /metrics}, {@code /health} and the
 * component's own API routes.
 */
final class ComponentMonitoring implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Admin admin;
  private final KafkaProducer<String, byte[]> producer;
  private HealthMonitor monitor;
  private Dashboard dashboard;
  private WebServer web;

  /**
   * @param component the name events and {@code /health} carry ("detector", ...)
   * @param probe reads the component's totals, given an Admin client for lag and input offsets
   * @param defaultPort the HTTP port when {@code --http-port} is not given (a free one when it is
   *     taken); null for no server
   * @param moreRoutes the component's own routes besides /metrics and /health (e.g. the case API)
   * @param withDashboard also serve the live dashboard at {@code /} (when there is a server)
   */
  ComponentMonitoring(
      CliContext context,
      ClientConfigFactory clients,
      String component,
      Function<Admin, Readings.Probe> probe,
      ProcessMetrics metrics,
      HttpOptions http,
      HealthOptions health,
      Integer defaultPort,
      List<RouteGroup> moreRoutes,
      boolean withDashboard) {
    String clientId = "sentinel-monitor-" + component;
    this.admin = Admin.create(clients.admin(clientId).toProperties());
    this.producer = new KafkaProducer<>(clients.producer(clientId).toProperties());
    try {
      this.monitor = startMonitor(component, probe, metrics, health);
      Integer port = http.settlePort(context, defaultPort);
      if (port != null) {
        List<RouteGroup> routes = new ArrayList<>(moreRoutes);
        routes.add(new MetricsRoutes(metrics::scrape));
        routes.add(new HealthRoutes(monitor::current));
        if (withDashboard) {
          this.dashboard =
              new Dashboard(clients, admin, monitor::current, Clock.systemUTC()).start();
          routes.add(new DashboardRoutes(dashboard));
        }
        this.web = startWeb(http, port, routes);
        String base = "http://" + http.host + ":" + web.port();
        if (dashboard != null) {
          context.out().printf("Dashboard at %s/%n", base);
        }
        context.out().printf("Metrics at %s/metrics, health at %s/health%n", base, base);
        if (!moreRoutes.isEmpty()) {
          context.out().println(apiLine(base, moreRoutes));
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private HealthMonitor startMonitor(
      String component,
      Function<Admin, Readings.Probe> probe,
      ProcessMetrics metrics,
      HealthOptions health) {
    return new HealthMonitor(
            component,
            probe.apply(admin),
            new HealthRules(health.thresholds()),
            new SystemMetricsPublisher(producer),
            metrics.registry(),
            Clock.systemUTC(),
            health.snapshotInterval)
        .start(health.checkInterval);
  }

  /**
   * Binds exactly the settled port: it may already be announced to other detector instances, so
   * moving elsewhere is no option (see {@link HttpOptions#settlePort}).
   */
  private static WebServer startWeb(HttpOptions http, int port, List<RouteGroup> routes) {
    try {
      return WebServer.start(http.host, port, routes);
    } catch (JavalinBindException e) {
      throw new PortInUseException(
          port,
          http.portGiven()
              ? "choose another with --http-port"
              : "it was free a moment ago; start again or choose one with --http-port",
          e);
    }
  }

  /** The start-up line naming the entry points of the component's API. */
  private static String apiLine(String base, List<RouteGroup> routes) {
    List<String> examples = new ArrayList<>();
    for (RouteGroup group : routes) {
      if (group instanceof CaseRoutes) {
        examples.add("review cases: " + base + "/api/cases");
      } else if (group instanceof UserRoutes) {
        examples.add("user state: " + base + "/api/users/{id}");
      }
    }
    String line = "API at " + base + "/api/";
    return examples.isEmpty() ? line : line + " (" + String.join(", ", examples) + ")";
  }

  @Override
  public void close() {
    if (web != null) {
      web.close();
    }
    if (dashboard != null) {
      dashboard.close();
    }
    if (monitor != null) {
      monitor.close();
    }
    producer.close(CLOSE_TIMEOUT);
    admin.close(CLOSE_TIMEOUT);
  }
}
