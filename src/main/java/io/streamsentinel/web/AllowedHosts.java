package io.streamsentinel.web;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names under which a server is itself, for its {@code Host} and {@code Origin} checks: a page
 * from another site, or a name made to point here (DNS rebinding), is refused.
 *
 * <ul>
 *   <li>Its own names — the bound address, the loopback forms (localhost, 127.0.0.1, [::1]), this
 *       machine's name and every local address when the server binds all interfaces — with the
 *       server's own port and scheme.
 *   <li>The names the user configured ({@code --http-allowed-host}): {@code NAME} on any port and
 *       over http or https, as behind a proxy that terminates TLS on 443; {@code NAME:PORT} on that
 *       port only.
 * </ul>
 */
final class AllowedHosts {

  private static final int ANY_PORT = -1;

  private final Set<String> own;
  private final Map<String, Integer> configured;

  private AllowedHosts(Set<String> own, Map<String, Integer> configured) {
    this.own = Set.copyOf(own);
    this.configured = Map.copyOf(configured);
  }

  /**
   * @param bindHost the interface the server binds
   * @param extraNames names clients use to reach it (behind a proxy, a DNS name), {@code NAME} or
   *     {@code NAME:PORT}
   * @throws IllegalArgumentException naming a configured name that is not a host name
   */
  static AllowedHosts of(String bindHost, Collection<String> extraNames) {
    Set<String> own = new HashSet<>();
    own.add(normal(bindHost));
    own.addAll(Set.of("localhost", "127.0.0.1", "[::1]"));
    try {
      if (InetAddress.getByName(bindHost).isAnyLocalAddress()) {
        own.add(normal(InetAddress.getLocalHost().getHostName()));
        own.add(normal(InetAddress.getLocalHost().getCanonicalHostName()));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InetAddress address : Collections.list(nic.getInetAddresses())) {
            own.add(normal(address.getHostAddress()));
          }
        }
      }
    } catch (UnknownHostException | SocketException e) {
      // Only the names above are accepted then; --http-allowed-host adds others.
    }
    Map<String, Integer> configured = new HashMap<>();
    for (String name : extraNames) {
      URI uri = parse("http://" + name.strip());
      if (uri == null
          || uri.getHost() == null
          || !uri.getRawPath().isEmpty()
          || uri.getRawUserInfo() != null
          || uri.getRawQuery() != null) {
        throw new IllegalArgumentException(
            "--http-allowed-host takes NAME or NAME:PORT (e.g. sentinel.example.com or"
                + " [::1]:8443), got '"
                + name
                + "'");
      }
      configured.put(normal(uri.getHost()), uri.getPort());
    }
    return new AllowedHosts(own, configured);
  }

  /**
   * Whether a {@code Host} header names this server on {@code port}; no port in the header means
   * the scheme's default.
   */
  boolean acceptsHost(String header, String scheme, int port) {
    if (header == null || header.isBlank()) {
      return false;
    }
    URI uri = parse(scheme + "://" + header.strip());
    return uri != null
        && uri.getRawPath().isEmpty()
        && uri.getRawUserInfo() == null
        && accepts(uri, scheme, scheme, port);
  }

  /**
   * Whether an {@code Origin} header is this server's own (scheme, name and port), or a configured
   * name's.
   */
  boolean acceptsOrigin(String origin, String scheme, int port) {
    URI uri = parse(origin.strip()); // "null" from a sandboxed or file page has no host
    return uri != null && uri.getScheme() != null && accepts(uri, uri.getScheme(), scheme, port);
  }

  private boolean accepts(URI uri, String givenScheme, String scheme, int port) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    String name = normal(host);
    int given = uri.getPort() == -1 ? defaultPort(givenScheme) : uri.getPort();
    if (own.contains(name) && given == port && scheme.equalsIgnoreCase(givenScheme)) {
      return true;
    }
    Integer configuredPort = configured.get(name);
    boolean web = givenScheme.equalsIgnoreCase("http") || givenScheme.equalsIgnoreCase("https");
    return configuredPort != null && web && (configuredPort == ANY_PORT || configuredPort == given);
  }

  private static URI parse(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
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
