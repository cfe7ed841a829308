package io.streamsentinel.cli;

import io.streamsentinel.access.KeyVerifier;
import io.streamsentinel.web.HttpAccess;
import io.streamsentinel.web.HttpBinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a component serves {@code /metrics}, {@code /health} and its API, and under which names;
 * every route but {@code /health} needs an API key ({@code sentinel apikey create}).
 */
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

  @Option(
      names = "--http-allowed-host",
      paramLabel = "NAME",
      description =
          "Another name clients reach the HTTP server by (a DNS name, a proxy's), NAME for any port"
              + " and http or https (behind a proxy), NAME:PORT for that port only; repeatable."
              + " Requests whose Host or Origin names anything but the bound address, localhost or"
              + " these are refused (403).")
  List<String> allowedHosts = new ArrayList<>();

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

  @Option(
      names = "--http-tls-keystore",
      paramLabel = "FILE",
      description =
          "Serve HTTPS (only) with the key and certificate in this PKCS#12 keystore, e.g. made with"
              + " keytool -genkeypair -storetype PKCS12 -keyalg EC -dname CN=localhost.")
  Path tlsKeystore;

  @Option(
      names = "--http-tls-password",
      paramLabel = "PASSWORD",
      interactive = true,
      arity = "0..1",
      defaultValue = "${env:SENTINEL_HTTP_TLS_PASSWORD}",
      description =
          "Password of --http-tls-keystore; without a value it is asked for, unechoed (env"
              + " SENTINEL_HTTP_TLS_PASSWORD, preferred: not in the shell history).")
  String tlsPassword;

  /**
   * Who may call the server: callers with a key {@code keys} knows, under these names, over TLS
   * when a keystore is given.
   *
   * @throws IllegalArgumentException for a keystore without a password
   */
  HttpAccess access(KeyVerifier keys) {
    HttpAccess.Tls tls = null;
    if (tlsKeystore != null) {
      if (tlsPassword == null) {
        throw new IllegalArgumentException(
            "--http-tls-keystore needs --http-tls-password (or SENTINEL_HTTP_TLS_PASSWORD)");
      }
      tls = new HttpAccess.Tls(tlsKeystore, tlsPassword);
    }
    return new HttpAccess(keys, allowedHosts, tls);
  }
}
