package io.streamsentinel.web;

import io.streamsentinel.kafka.PortInUseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a component's HTTP server listens, settled once before anything needs it (a detector
 * announces it to the other instances when its Kafka Streams client is built).
 *
 * @param host the interface the server binds
 * @param port the port; null when the component serves no HTTP
 * @param portGiven whether the user chose the port (else a default was taken)
 */
public record HttpBinding(String host, Integer port, boolean portGiven) {

  /**
   * Settles the port, once, before anything needs it: the user's port as given, 0 replaced by a
   * free one; else {@code defaultPort} when it is free, else a free port, which it says on {@code
   * out}.
   *
   * <p>Known limitation: another process may take a port between this check and the bind; the
   * server then fails to start with {@link PortInUseException} rather than move elsewhere, since
   * the port was already announced.
   *
   * @param port the user's port; null when not given
   * @param defaultPort the port when none is given; null for no server unless one is given
   * @throws PortInUseException when the user's port is taken
   */
  public static HttpBinding settle(
      String host, Integer port, Integer defaultPort, Consumer<String> out) {
    if (port == null && defaultPort == null) {
      return new HttpBinding(host, null, false); // no server: the host is never looked up
    }
    InetAddress address = address(host);
    Integer chosen;
    if (port != null) {
      if (port != 0 && !isFree(address, port)) {
        throw new PortInUseException(port, "choose another with --http-port", null);
      }
      chosen = port == 0 ? freePort(address) : port;
    } else if (defaultPort == null || isFree(address, defaultPort)) {
      chosen = defaultPort;
    } else {
      out.accept("HTTP port " + defaultPort + " is taken; using a free port instead.");
      chosen = freePort(address);
    }
    return new HttpBinding(host, chosen, port != null);
  }

  private static boolean isFree(InetAddress address, int candidate) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true); // as the HTTP server binds: a port in TIME_WAIT is free
      socket.bind(new InetSocketAddress(address, candidate));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort(InetAddress address) {
    try (ServerSocket socket = new ServerSocket(0, 1, address)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + address, e);
    }
  }

  private static InetAddress address(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--http-host: unknown host '" + host + "'", e);
    }
  }

  public boolean enabled() {
    return port != null;
  }

  /**
   * Where the other instances reach this process's HTTP server: the bound interface, or this
   * machine's name when it binds every interface; null when there is no server.
   *
   * @throws IllegalArgumentException naming {@code --http-host} when the host is unknown
   */
  public HostInfo endpoint() {
    return port == null ? null : new HostInfo(advertisedHost(), port);
  }

  private String advertisedHost() {
    InetAddress address = address(host);
    if (!address.isAnyLocalAddress()) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "--http-host "
              + host
              + " binds every interface, but this machine's name is unknown;"
              + " give the address other instances reach it at",
          e);
    }
  }
}
