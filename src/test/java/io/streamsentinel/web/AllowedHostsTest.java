package io.streamsentinel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

  private final AllowedHosts hosts =
      AllowedHosts.of("127.0.0.1", List.of("sentinel.example.com", "ops.example.com:8443"));

  @Test
  void ownNamesCountOnlyWithTheServersPortAndScheme() {
    assertThat(hosts.acceptsHost("127.0.0.1:8080", "http", 8080)).isTrue();
    assertThat(hosts.acceptsHost("localhost:8080", "http", 8080)).isTrue();
    assertThat(hosts.acceptsHost("localhost:9999", "http", 8080)).isFalse();
    assertThat(hosts.acceptsOrigin("http://localhost:8080", "http", 8080)).isTrue();
    assertThat(hosts.acceptsOrigin("https://localhost:8080", "http", 8080)).isFalse();
    assertThat(hosts.acceptsHost("evil.example:8080", "http", 8080)).isFalse();
    assertThat(hosts.acceptsOrigin("null", "http", 8080)).isFalse();
  }

  @Test
  void aConfiguredNameWorksBehindAProxyOnAnyPortAndScheme() {
    assertThat(hosts.acceptsHost("sentinel.example.com", "http", 8080)).isTrue();
    assertThat(hosts.acceptsHost("SENTINEL.example.com:443", "http", 8080)).isTrue();
    assertThat(hosts.acceptsOrigin("https://sentinel.example.com", "http", 8080)).isTrue();
    assertThat(hosts.acceptsOrigin("ftp://sentinel.example.com", "http", 8080)).isFalse();
  }

  @Test
  void aConfiguredNameWithAPortAcceptsThatPortOnly() {
    assertThat(hosts.acceptsHost("ops.example.com:8443", "http", 8080)).isTrue();
    assertThat(hosts.acceptsHost("ops.example.com", "http", 8080)).isFalse();
    assertThat(hosts.acceptsOrigin("https://ops.example.com:8443", "http", 8080)).isTrue();
  }

  @Test
  void aConfiguredNameThatIsNoHostIsRefusedNamingIt() {
    assertThatThrownBy(() -> AllowedHosts.of("127.0.0.1", List.of("https://x.example/path")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--http-allowed-host")
        .hasMessageContaining("https://x.example/path");
  }
}
