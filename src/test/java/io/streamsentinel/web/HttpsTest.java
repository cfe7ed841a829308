package io.streamsentinel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamsentinel.testing.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --http-tls-keystore}: the server speaks HTTPS only, with the same guard. */
class HttpsTest {

  private static final String PASSWORD = "test-password";

  @TempDir static Path dir;
  private static Path keystore;

  /** A self-signed certificate for localhost and 127.0.0.1, made by the JDK's keytool. */
  @BeforeAll
  static void makeKeystore() throws Exception {
    keystore = dir.resolve("server.p12");
    Path keytool =
        Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static WebServer start(String password) {
    return WebServer.start(
        "127.0.0.1",
        0,
        new HttpAccess(new TestKeys(), List.of(), new HttpAccess.Tls(keystore, password)),
        new SimpleMeterRegistry(),
        List.of());
  }

  private static HttpClient trusting() throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).build();
  }

  @Test
  void shouldServeTheApiOverHttpsOnlyBehindTheSameGuard() throws Exception {
    try (WebServer server = start(PASSWORD)) {
      HttpClient https = trusting();
      String base = "https://127.0.0.1:" + server.port();

      HttpResponse<String> me =
          https.send(
              TestKeys.request(base + "/api/me", TestKeys.VIEWER).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> noKey =
          https.send(
              HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> plainOrigin =
          https.send(
              TestKeys.request(base + "/api/me", TestKeys.VIEWER)
                  .header("Origin", "http://127.0.0.1:" + server.port())
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      assertThat(me.body()).contains("\"vera\"");
      assertThat(noKey.statusCode()).isEqualTo(401);
      assertThat(plainOrigin.statusCode())
          .as("an http:// origin is not this server's")
          .isEqualTo(403);
      assertThat(plainAnswer(server.port())).as("no plain HTTP on the port").isNotEqualTo(200);
    }
  }

  /** The status of a plain-HTTP request with a good key; -1 when the connection fails. */
  private static int plainAnswer(int port) throws InterruptedException {
    try {
      return HttpClient.newHttpClient()
          .send(
              TestKeys.request("http://127.0.0.1:" + port + "/api/me", TestKeys.VIEWER).build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  @Test
  void shouldRefuseToStartWithTheWrongPasswordNamingTheOption() {
    assertThatThrownBy(() -> start("wrong"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--http-tls-keystore");
  }
}
