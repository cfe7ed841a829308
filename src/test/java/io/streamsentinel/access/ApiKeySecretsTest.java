package io.streamsentinel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretsTest {

  @Test
  void shouldMakeDistinctWellFormedKeysOf256RandomBits() {
    SecureRandom random = new SecureRandom();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String key = ApiKeySecrets.generate(random);
      assertThat(key).startsWith(ApiKeySecrets.PREFIX);
      // 43 base64url characters carry 258 bits; the last two are always zero, 256 are random.
      assertThat(key).hasSize(ApiKeySecrets.PREFIX.length() + 43);
      assertThat(ApiKeySecrets.isWellFormed(key)).isTrue();
      keys.add(key);
    }
    assertThat(keys).hasSize(100);
  }

  @Test
  void shouldRefuseTextThatCannotBeAKey() {
    assertThat(ApiKeySecrets.isWellFormed(null)).isFalse();
    assertThat(ApiKeySecrets.isWellFormed("sentinel_short")).isFalse();
    assertThat(ApiKeySecrets.isWellFormed("other_" + "a".repeat(43))).isFalse();
    assertThat(ApiKeySecrets.isWellFormed("sentinel_" + "a".repeat(42) + "!")).isFalse();
  }

  @Test
  void shouldHashToTheSha256OfTheText() {
    assertThat(ApiKeySecrets.hash("abc"))
        .hasSize(32)
        .startsWith((byte) 0xba, (byte) 0x78, (byte) 0x16, (byte) 0xbf);
  }
}
