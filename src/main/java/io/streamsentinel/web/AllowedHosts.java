package io.streamsentinel.web;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names under which a server is itself, for its {@code Host} and {@code Origin} checks: a page
 * from another site, or a name made to point here (DNS rebinding), is refused. Accepted: the bound
 * address, the loopback forms (localhost, 127.0.0.1, [::1]), this machine's name and every local
 * address when the server binds all interfaces, and the names the user configured; each with the
 * server's own port.
 */
final class AllowedHosts {

  private final Set<String> names;

  private AllowedHosts(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  /**
   * @param bindHost the interface the server binds
   * @param extraNames names clients use to reach it (behind a proxy, a DNS name)
   */
  static AllowedHosts of(String bindHost, Collection<String> extraNames) {
    Set<String> names = new HashSet<>();
    names.add(normal(bindHost));
    names.addAll(Set.of("localhost", "127.0.0.1", "[::1]"));
    extraNames.forEach(n -> names.add(normal(n)));
    try {
      if (InetAddress.getByName(bindHost).isAnyLocalAddress()) {
        names.add(normal(InetAddress.getLocalHost().getHostName()));
        names.add(normal(InetAddress.getLocalHost().getCanonicalHostName()));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InetAddress address : Collections.list(nic.getInetAddresses())) {
            names.add(normal(address.getHostAddress()));
          }
        }
      }
    } catch (UnknownHostException | SocketException e) {
      // Only the names above are accepted then; --http-allowed-host adds others.
    }
    return new AllowedHosts(names);
  }

  /**
   * Whether a {@code Host} header names this server on {@code port}; no port in the header means
   * the scheme's default.
   */
  boolean acceptsHost(String header, String scheme, int port) {
    if (header == null || header.isBlank()) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(scheme + "://" + header.strip());
    } catch (java.net.URISyntaxException e) {
      return false;
    }
    return accepts(uri, scheme, port) && uri.getRawPath().isEmpty() && uri.getRawUserInfo() == null;
  }

  /** Whether an {@code Origin} header is this server's own (scheme, name and port). */
  boolean acceptsOrigin(String origin, String scheme, int port) {
    URI uri;
    try {
      uri = new URI(origin.strip());
    } catch (java.net.URISyntaxException e) {
      return false; // "null" from a sandboxed or file page lands here too
    }
    return scheme.equalsIgnoreCase(uri.getScheme()) && accepts(uri, scheme, port);
  }

  private boolean accepts(URI uri, String scheme, int port) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    int given = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
    return given == port && names.contains(normal(host));
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  /** Lower case; an IPv6 address in brackets, as it appears in a Host header or URI. */
  private static String normal(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.contains(":") && !h.startsWith("[")) {
      int zone = h.indexOf('%');
      return "[" + (zone >= 0 ? h.substring(0, zone) : h) + "]";
    }
    return h;
  }
}
