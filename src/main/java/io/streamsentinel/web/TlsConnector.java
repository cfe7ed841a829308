package io.streamsentinel.web;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.nio.file.Files;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS with Jetty's own TLS connector (Javalin 7's SSL plugin is not among the available
 * artifacts; Javalin's {@code config.jetty.addConnector} is what the plugin uses too). The server
 * then listens on HTTPS only: no plain-HTTP port that would carry the key in clear.
 */
final class TlsConnector {

  private TlsConnector() {}

  static ServerConnector create(
      Server server, HttpConfiguration plain, HttpAccess.Tls tls, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
    ssl.setKeyStorePassword(tls.password());
    HttpConfiguration https = new HttpConfiguration(plain);
    // Requests are secure and say "https"; the Host check is the guard's, not SNI's (a certificate
    // for "localhost" is still used when a client dials 127.0.0.1).
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  /**
   * Starts the server on its TLS connector.
   *
   * @throws IllegalArgumentException naming {@code --http-tls-keystore} for a keystore that cannot
   *     be read or opened with its password
   */
  static void start(Javalin app, HttpAccess.Tls tls) {
    if (!Files.isReadable(tls.keystore())) {
      throw new IllegalArgumentException(
          "--http-tls-keystore: cannot read " + tls.keystore().toAbsolutePath());
    }
    try {
      app.start();
    } catch (JavalinBindException e) {
      throw e;
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalArgumentException(
          "--http-tls-keystore "
              + tls.keystore()
              + ": cannot serve HTTPS with it ("
              + rootMessage(e)
              + "); is the password right and does it hold a key?",
          e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
