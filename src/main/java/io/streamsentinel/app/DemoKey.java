package io.streamsentinel.app;

import io.streamsentinel.access.ApiKeyStore;
import io.streamsentinel.access.IssuedKey;
import io.streamsentinel.access.Role;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's admin key, {@code demo-admin-<UTC time>}: created when the demo starts, printed once
 * next to the dashboard's address, and revoked when the demo stops, so no key outlives the run it
 * was shown for (unless the process is killed; {@code sentinel apikey list} shows such keys).
 */
public final class DemoKey implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DemoKey.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final ApiKeyStore keys;
  private final IssuedKey issued;

  private DemoKey(ApiKeyStore keys, IssuedKey issued) {
    this.keys = keys;
    this.issued = issued;
  }

  public static DemoKey create(ApiKeyStore keys, Clock clock) {
    String name = "demo-admin-" + STAMP.format(clock.instant());
    return new DemoKey(keys, keys.create(name, Role.ADMIN, "demo"));
  }

  /** The key's text, to be shown once. */
  public String secret() {
    return issued.secret();
  }

  public String name() {
    return issued.info().name();
  }

  @Override
  public void close() {
    try {
      keys.revoke(String.valueOf(issued.info().keyId()), "demo");
    } catch (RuntimeException e) {
      log.warn("The demo's key {} could not be revoked: {}", name(), e.toString());
    }
  }
}
