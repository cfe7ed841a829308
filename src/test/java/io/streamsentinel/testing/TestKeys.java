package io.streamsentinel.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamsentinel.access.Caller;
import io.streamsentinel.access.KeyVerifier;
import io.streamsentinel.access.Role;
import io.streamsentinel.web.HttpAccess;
import io.streamsentinel.web.RouteGroup;
import io.streamsentinel.web.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One well-formed API key per role, known to an in-memory verifier, for web tests that are not
 * about where keys are stored ({@code ApiKeyStoreIT} is).
 */
public final class TestKeys implements KeyVerifier {

  public static final String VIEWER = key('v');
  public static final String ANALYST = key('a');
  public static final String OPERATOR = key('o');
  public static final String ADMIN = key('z');

  private static final Map<String, Caller> CALLERS =
      Map.of(
          VIEWER, new Caller(1, "vera", Role.VIEWER),
          ANALYST, new Caller(2, "ana", Role.ANALYST),
          OPERATOR, new Caller(3, "otto", Role.OPERATOR),
          ADMIN, new Caller(4, "ada", Role.ADMIN));

  private static String key(char fill) {
    return "sentinel_" + String.valueOf(fill).repeat(43);
  }

  @Override
  public Optional<Caller> verify(String presentedKey) {
    return Optional.ofNullable(CALLERS.get(presentedKey));
  }

  public static HttpAccess access() {
    return HttpAccess.of(new TestKeys());
  }

  /** A local server on a free port with these keys. */
  public static WebServer start(List<RouteGroup> groups) {
    return WebServer.start("127.0.0.1", 0, access(), new SimpleMeterRegistry(), groups);
  }

  /** A request to {@code url} that presents {@code key}. */
  public static HttpRequest.Builder request(String url, String key) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key);
  }
}
