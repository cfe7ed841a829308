package io.streamsentinel.app;

import io.javalin.util.JavalinBindException;
import io.streamsentinel.detection.drift.DriftReport;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.PortInUseException;
import io.streamsentinel.monitoring.Dashboard;
import io.streamsentinel.monitoring.HealthMonitor;
import io.streamsentinel.monitoring.HealthRules;
import io.streamsentinel.monitoring.HealthSettings;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.monitoring.Readings;
import io.streamsentinel.monitoring.SystemMetricsPublisher;
import io.streamsentinel.web.CaseRoutes;
import io.streamsentinel.web.DashboardRoutes;
import io.streamsentinel.web.HealthRoutes;
import io.streamsentinel.web.HttpAccess;
import io.streamsentinel.web.HttpBinding;
import io.streamsentinel.web.MetricsRoutes;
import io.streamsentinel.web.RouteGroup;
import io.streamsentinel.web.UserRoutes;
import io.streamsentinel.web.WebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A component's monitoring, started by its command: the health monitor (events and snapshots to
 * system-metrics) and, when it has a port, the HTTP server with {@code /metrics}, {@code /health}
 * and the component's own API routes, every one but {@code /health} behind an API key.
 */
public final class ComponentMonitoring implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Admin admin;
  private final KafkaProducer<String, byte[]> producer;
  private HealthMonitor monitor;
  private Dashboard dashboard;
  private WebServer web;

  /**
   * What a component's monitoring watches and serves.
   *
   * @param component the name events and {@code /health} carry ("detector", ...)
   * @param probe reads the component's totals, given an Admin client for lag and input offsets
   * @param http where the HTTP server listens; {@link HttpBinding#enabled()} false for none
   * @param access who may call the server; required when there is one, else may be null
   * @param health the health rules and how often they run
   * @param routes the component's own routes besides /metrics and /health (e.g. the case API)
   * @param withDashboard also serve the live dashboard at {@code /} (when there is a server)
   * @param drift the drift of the component's detector, for the dashboard; null when it has none
   */
  public record Options(
      String component,
      Function<Admin, Readings.Probe> probe,
      HttpBinding http,
      HttpAccess access,
      HealthSettings health,
      List<RouteGroup> routes,
      boolean withDashboard,
      Supplier<DriftReport> drift) {

    public Options {
      Objects.requireNonNull(component, "component");
      Objects.requireNonNull(probe, "probe");
      Objects.requireNonNull(http, "http");
      Objects.requireNonNull(health, "health");
      if (http.enabled() && access == null) {
        throw new IllegalArgumentException("an HTTP server needs its access settings (API keys)");
      }
      routes = List.copyOf(routes);
    }

    /** Options of a component without a detector. */
    public Options(
        String component,
        Function<Admin, Readings.Probe> probe,
        HttpBinding http,
        HttpAccess access,
        HealthSettings health,
        List<RouteGroup> routes,
        boolean withDashboard) {
      this(component, probe, http, access, health, routes, withDashboard, null);
    }
  }

  /**
   * Starts the monitor and the server.
   *
   * @param out where the start-up lines (the server's addresses) go
   * @throws PortInUseException when the settled port cannot be bound
   */
  public ComponentMonitoring(
      Consumer<String> out, ClientConfigFactory clients, ProcessMetrics metrics, Options options) {
    String clientId = ClientCatalog.monitor(options.component());
    this.admin = Admin.create(clients.admin(clientId).toProperties());
    this.producer = new KafkaProducer<>(clients.producer(clientId).toProperties());
    try {
      this.monitor = startMonitor(options, metrics);
      if (options.http().enabled()) {
        List<RouteGroup> routes = new ArrayList<>(options.routes());
        routes.add(new MetricsRoutes(metrics::scrape));
        routes.add(new HealthRoutes(monitor::current));
        if (options.withDashboard()) {
          this.dashboard =
              new Dashboard(clients, admin, monitor::current, options.drift(), Clock.systemUTC())
                  .start();
          routes.add(new DashboardRoutes(dashboard));
        }
        this.web = startWeb(options.http(), options.access(), metrics, routes);
        String base = options.access().scheme() + "://" + options.http().host() + ":" + web.port();
        if (dashboard != null) {
          out.accept("Dashboard at " + base + "/");
        }
        out.accept("Metrics at " + base + "/metrics, health at " + base + "/health");
        if (!options.routes().isEmpty()) {
          out.accept(apiLine(base, options.routes()));
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private HealthMonitor startMonitor(Options options, ProcessMetrics metrics) {
    HealthSettings health = options.health();
    return new HealthMonitor(
            options.component(),
            options.probe().apply(admin),
            new HealthRules(health.thresholds()),
            new SystemMetricsPublisher(producer),
            metrics.registry(),
            Clock.systemUTC(),
            health.snapshotInterval())
        .start(health.checkInterval());
  }

  /**
   * Binds exactly the settled port: it may already be announced to other detector instances, so
   * moving elsewhere is no option.
   */
  private static WebServer startWeb(
      HttpBinding http, HttpAccess access, ProcessMetrics metrics, List<RouteGroup> routes) {
    try {
      return WebServer.start(http.host(), http.port(), access, metrics.registry(), routes);
    } catch (JavalinBindException e) {
      throw new PortInUseException(
          http.port(),
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
