package io.streamsentinel.cli;

import picocli.CommandLine.Option;

/** Where a component serves {@code /metrics} and {@code /health}. */
public final class HttpOptions {

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Serve /metrics (Prometheus) and /health (JSON) on this port; 0 picks a free one"
              + " (default: off, except demo: 8080).")
  Integer port;

  @Option(
      names = "--http-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "Interface the HTTP server binds (default: ${DEFAULT-VALUE}: this machine only).")
  String host;

  /** Whether the user chose the port (else a default applies). */
  boolean portGiven() {
    return port != null;
  }
}
