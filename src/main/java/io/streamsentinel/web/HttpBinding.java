package io.streamsentinel.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
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

  /** No HTTP server. */
  public static HttpBinding none(String host) {
    return new HttpBinding(host, null, false);
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
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--http-host: unknown host '" + host + "'", e);
    }
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
