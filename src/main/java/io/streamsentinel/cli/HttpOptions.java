package io.streamsentinel.cli;

import io.streamsentinel.web.HttpBinding;
import picocli.CommandLine.Option;

/** Where a component serves {@code /metrics}, {@code /health} and its API. */
public final class HttpOptions {

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Serve /metrics (Prometheus), /health (JSON) and the component's API on this port; 0"
              + " picks a free one (default: off, except demo: 8080).")
  Integer port;

  @Option(
      names = "--http-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "Interface the HTTP server binds (default: ${DEFAULT-VALUE}: this machine only).")
  String host;

  /**
   * Settles the port the HTTP server will bind ({@link HttpBinding#settle}), saying on stdout when
   * the default port is taken and a free one is used instead.
   *
   * @param defaultPort the port when none is given; null for no server unless one is given
   * @throws io.streamsentinel.kafka.PortInUseException when the user's port is taken
   */
  HttpBinding settle(CliContext context, Integer defaultPort) {
    return HttpBinding.settle(host, port, defaultPort, context.out()::println);
  }
}
