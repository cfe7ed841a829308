package io.streamsentinel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.streamsentinel.codec.Json;
import io.streamsentinel.monitoring.Dashboard;
import io.streamsentinel.monitoring.DashboardSnapshot;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The live dashboard: the page and its scripts from the classpath ({@code /}, {@code /user.html}),
 * Chart.js from its WebJar ({@code /webjars/chart.js/...}, so no internet is needed), the current
 * snapshot at {@code GET /api/dashboard} and a server-sent event {@code snapshot} every second at
 * {@code GET /api/dashboard/stream}. The files are public, the data needs a viewer's key: the page
 * asks for it and sends it on every request; the stream is read with {@code fetch}, not {@code
 * EventSource}, which cannot send an {@code Authorization} header.
 */
public final class DashboardRoutes implements RouteGroup {

  /** Where the page's files live on the classpath. */
  static final String PAGE_DIRECTORY = "/dashboard";

  private static final ObjectMapper JSON = Json.mapper();

  private final Dashboard dashboard;
  private final SnapshotFanOut<SseClient> clients = new SnapshotFanOut<>(DashboardRoutes::send);

  public DashboardRoutes(Dashboard dashboard) {
    this.dashboard = dashboard;
    dashboard.subscribe(this::broadcast);
  }

  @Override
  public void register(JavalinConfig config) {
    // The page and its scripts hold no data: they load without a key and then ask for one.
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = PAGE_DIRECTORY;
          files.location = Location.CLASSPATH;
          files.roles = Set.of(Requires.PUBLIC);
        });
    config.staticFiles.add( // as enableWebjars() does, but public
        files -> {
          files.hostedPath = "/webjars";
          files.directory = "META-INF/resources/webjars";
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", "max-age=31622400");
          files.roles = Set.of(Requires.PUBLIC);
        });
    config.routes.get(
        "/api/dashboard",
        ctx -> ctx.contentType("application/json").result(json(dashboard.latest())),
        Requires.VIEWER);
    config.routes.sse("/api/dashboard/stream", this::connect, Requires.VIEWER);
  }

  private void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    send(client, json(dashboard.latest()));
    clients.add(client);
  }

  /** On the dashboard's sampler thread: hands the snapshot over and returns (see the fan-out). */
  private void broadcast(DashboardSnapshot snapshot) {
    if (clients.isEmpty()) {
      return;
    }
    clients.publish(json(snapshot));
  }

  private static void send(SseClient client, String json) {
    if (client.terminated()) {
      throw new IllegalStateException("the client went away");
    }
    try {
      synchronized (client) { // the first snapshot and the broadcasts come from different threads
        client.sendEvent("snapshot", json);
      }
    } catch (RuntimeException e) { // a broken client is dropped by the fan-out, and closed here
      client.close();
      throw e;
    }
  }

  static String json(DashboardSnapshot snapshot) {
    try {
      return JSON.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
