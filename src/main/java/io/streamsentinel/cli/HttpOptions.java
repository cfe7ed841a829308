package io.streamsentinel.cli;

import io.streamsentinel.kafka.PortInUseException;
import io.streamsentinel.web.HttpBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
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
   * Settles the port the HTTP server will bind, once, before anything needs it: the user's port as
   * given, 0 replaced by a free one; else {@code defaultPort} when it is free, else a free port,
   * and it says so on {@code out}.
   *
   * <p>Known limitation: another process may take a port between this check and the bind; the
   * server then fails to start with {@link PortInUseException} rather than move elsewhere, since
   * the port was already announced.
   *
   * @param defaultPort the port when none is given; null for no server unless one is given
   * @throws PortInUseException when the user's port is taken
   */
  HttpBinding settle(CliContext context, Integer defaultPort) {
    return new HttpBinding(host, choosePort(context, defaultPort), port != null);
  }

  private Integer choosePort(CliContext context, Integer defaultPort) {
    if (port != null) {
      if (port == 0) {
        return freePort();
      }
      if (!isFree(port)) {
        throw new PortInUseException(port, "choose another with --http-port", null);
      }
      return port;
    }
    if (defaultPort == null) {
      return null;
    }
    if (isFree(defaultPort)) {
      return defaultPort;
    }
    context.out().printf("HTTP port %d is taken; using a free port instead.%n", defaultPort);
    return freePort();
  }

  private boolean isFree(int candidate) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true); // as the HTTP server binds: a port in TIME_WAIT is free
      socket.bind(new InetSocketAddress(address(), candidate));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, address())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  private InetAddress address() {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--http-host: unknown host '" + host + "'", e);
    }
  }
}
