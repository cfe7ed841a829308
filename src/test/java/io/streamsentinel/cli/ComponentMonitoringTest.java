package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.app.ComponentMonitoring;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.PortInUseException;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.monitoring.Readings;
import io.streamsentinel.runtime.ShutdownSignal;
import io.streamsentinel.testing.TestKeys;
import io.streamsentinel.web.HttpBinding;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of a component's monitoring when its port is taken. */
class ComponentMonitoringTest {

  // No broker is needed: nothing here waits for one, and the health checks' failures are logged.
  private final ClientConfigFactory clients =
      new ClientConfigFactory(KafkaSettings.of("localhost:1"));
  private final StringWriter out = new StringWriter();
  private final CliContext context =
      new CliContext(
          new PrintWriter(out, true),
          new PrintWriter(new StringWriter(), true),
          new ShutdownSignal());
  private final ProcessMetrics metrics = new ProcessMetrics();
  private final HealthOptions health = new HealthOptions();

  @AfterEach
  void close() {
    metrics.close();
  }

  private ComponentMonitoring start(HttpOptions http, Integer defaultPort) {
    return start(http.settle(context, defaultPort));
  }

  @BeforeEach
  void health() {
    health.maxLag = 10_000;
    health.maxErrorRate = 0.01;
    health.minThroughput = 1_000;
    health.maxPsi = 0.25;
    health.checkInterval = java.time.Duration.ofHours(1);
    health.snapshotInterval = java.time.Duration.ofHours(1);
  }

  private ComponentMonitoring start(HttpBinding binding) {
    Readings.Probe idle = () -> new Readings(0, 0, -1, -1, Map.of());
    return new ComponentMonitoring(
        context.out()::println,
        clients,
        metrics,
        new ComponentMonitoring.Options(
            "test",
            admin -> idle,
            binding,
            TestKeys.access(),
            health.settings(),
            List.of(),
            false));
  }

  private static HttpOptions http(Integer port) {
    HttpOptions http = new HttpOptions();
    http.port = port;
    http.host = "127.0.0.1";
    return http;
  }

  @Test
  void shouldTakeAFreePortAndSaySoWhenTheDefaultPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        ComponentMonitoring monitoring = start(http(null), taken.getLocalPort())) {
      assertThat(out.toString())
          .contains("HTTP port " + taken.getLocalPort() + " is taken; using a free port instead.")
          .containsPattern("Metrics at http://127.0.0.1:\\d+/metrics");
      assertThat(out.toString()).doesNotContain(":" + taken.getLocalPort() + "/metrics");
    }
  }

  @Test
  void shouldBindThePortSettledBeforehandSoTheAnnouncedEndpointIsRight() {
    HttpBinding binding = http(0).settle(context, null);
    HostInfo endpoint = binding.endpoint();

    assertThat(endpoint.host()).isEqualTo("127.0.0.1");
    assertThat(endpoint.port()).isPositive();
    try (ComponentMonitoring monitoring = start(binding)) {
      assertThat(out.toString())
          .contains("Metrics at http://127.0.0.1:" + endpoint.port() + "/metrics");
    }
  }

  @Test
  void shouldRefuseAPortTheUserChoseWhenItIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> start(http(taken.getLocalPort()), null))
          .isInstanceOf(PortInUseException.class)
          .hasMessageContaining("--http-port");
    }
  }

  @Test
  void shouldRefuseToServeWithoutAccessSettings() {
    HttpBinding binding = http(0).settle(context, null);
    Readings.Probe idle = () -> new Readings(0, 0, -1, -1, Map.of());

    assertThatThrownBy(
            () ->
                new ComponentMonitoring.Options(
                    "test", admin -> idle, binding, null, health.settings(), List.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("API keys");
  }

  @Test
  void shouldServeNothingWithoutAPort() {
    try (ComponentMonitoring monitoring = start(http(null), null)) {
      assertThat(out.toString()).isEmpty();
    }
  }
}
