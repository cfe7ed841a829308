package io.streamsentinel.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void shouldMaskSecretSettingsByName() {
    assertThat(Secrets.shown("sasl.jaas.config", "org... password=\"x\";")).isEqualTo(Secrets.MASK);
    assertThat(Secrets.shown("ssl.keystore.password", "x")).isEqualTo(Secrets.MASK);
    assertThat(Secrets.shown("ssl.key.password", "x")).isEqualTo(Secrets.MASK);
    assertThat(Secrets.shown("linger.ms", "5")).isEqualTo("5");
    assertThat(Secrets.shown("key.serializer", "org.StringSerializer"))
        .isEqualTo("org.StringSerializer");
  }

  @Test
  void shouldMaskPasswordsInUrls() {
    assertThat(Secrets.maskedUrl("jdbc:postgresql://db:5432/s?user=a&password=hunter2&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/s?user=a&password=" + Secrets.MASK + "&ssl=true");
    assertThat(Secrets.maskedUrl("https://bob:hunter2@hooks.example/x"))
        .isEqualTo("https://bob:" + Secrets.MASK + "@hooks.example/x");
    assertThat(Secrets.maskedUrl("jdbc:postgresql://db:5432/s"))
        .isEqualTo("jdbc:postgresql://db:5432/s");
  }
}
