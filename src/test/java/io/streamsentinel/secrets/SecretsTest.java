package io.streamsentinel.secrets;

import static io.streamsentinel.secrets.Secrets.MASK;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required"
          + " username=\"alice\" password=\"hunter2\";";

  @Test
  void shouldMaskSecretSettingsByName() {
    assertThat(Secrets.shown("sasl.jaas.config", JAAS)).isEqualTo(MASK);
    assertThat(Secrets.shown("ssl.keystore.password", "x")).isEqualTo(MASK);
    assertThat(Secrets.shown("ssl.truststore.password", "x")).isEqualTo(MASK);
    assertThat(Secrets.shown("ssl.key.password", "x")).isEqualTo(MASK);
    assertThat(Secrets.shown("client.secret", "x")).isEqualTo(MASK);
    assertThat(Secrets.shown("api-key", "x")).isEqualTo(MASK);
    assertThat(Secrets.shown("sasl.oauthbearer.token", "x")).isEqualTo(MASK);
    assertThat(Secrets.shown("linger.ms", "5")).isEqualTo("5");
    assertThat(Secrets.shown("key.serializer", "org.StringSerializer"))
        .isEqualTo("org.StringSerializer");
  }

  @Test
  void shouldMaskSecretsInTheValuesOfOrdinarySettings() {
    assertThat(Secrets.shown("bootstrap.servers", "https://bob:hunter2@h:1/x"))
        .doesNotContain("hunter2");
  }

  @Test
  void shouldMaskPasswordsInUrls() {
    assertThat(Secrets.maskedUrl("jdbc:postgresql://db:5432/s?user=a&password=hunter2&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/s?user=a&password=" + MASK + "&ssl=true");
    assertThat(Secrets.maskedUrl("jdbc:postgresql://bob:hunter2@db:5432/s"))
        .isEqualTo("jdbc:postgresql://bob:" + MASK + "@db:5432/s");
    assertThat(Secrets.maskedUrl("jdbc:postgresql://db:5432/s"))
        .isEqualTo("jdbc:postgresql://db:5432/s");
  }

  @Test
  void shouldHideEverythingAfterTheHostOfAWebhookUrl() {
    assertThat(Secrets.maskText("https://hooks.slack.com/services/T0/B0/XyZsecret"))
        .isEqualTo("https://hooks.slack.com/" + MASK);
    assertThat(Secrets.maskText("webhook http://localhost:8099/hook?sig=abc answered HTTP 500"))
        .isEqualTo("webhook http://localhost:8099/" + MASK + " answered HTTP 500");
    assertThat(Secrets.maskText("https://bob:hunter2@hooks.example/x"))
        .isEqualTo("https://bob:" + MASK + "@hooks.example/" + MASK);
    assertThat(Secrets.maskText("dashboard at http://localhost:8080/"))
        .isEqualTo("dashboard at http://localhost:8080/");
    assertThat(Secrets.maskText("(http://h:1/a/b)")).isEqualTo("(http://h:1/" + MASK + ")");
  }

  @Test
  void shouldMaskJaasConfigsInFreeText() {
    assertThat(Secrets.maskText("bad --kafka-prop sasl.jaas.config=" + JAAS + " rest"))
        .isEqualTo("bad --kafka-prop sasl.jaas.config=" + MASK + " rest");
    assertThat(Secrets.maskText("sasl.jaas.config = " + JAAS))
        .isEqualTo("sasl.jaas.config = " + MASK);
    assertThat(Secrets.maskText("login module: " + JAAS))
        .isEqualTo(
            "login module: org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"alice\" password=\""
                + MASK
                + "\";");
  }

  @Test
  void shouldMaskNamedSecretsWithOrWithoutQuotes() {
    assertThat(Secrets.maskText("--db-password=hunter2 --db-user=bob"))
        .isEqualTo("--db-password=" + MASK + " --db-user=bob");
    assertThat(Secrets.maskText("ssl.keystore.password = hunter2, next"))
        .isEqualTo("ssl.keystore.password = " + MASK + ", next");
    assertThat(Secrets.maskText("{\"client_secret\":\"hunter2\",\"id\":1}"))
        .isEqualTo("{\"client_secret\":\"" + MASK + "\",\"id\":1}");
    assertThat(Secrets.maskText("{\"jaas\":\"x password=\\\"hunter2\\\";\"}"))
        .doesNotContain("hunter2");
    assertThat(Secrets.maskText("token='abc' secret=$1\\x"))
        .isEqualTo("token='" + MASK + "' secret=" + MASK);
  }

  @Test
  void shouldMaskQuerySecretsUnderShortNames() {
    assertThat(Secrets.maskText("GET /x?key=abc&sig=def&page=2&access_token=ghi"))
        .isEqualTo("GET /x?key=" + MASK + "&sig=" + MASK + "&page=2&access_token=" + MASK);
  }

  @Test
  void shouldLeaveOrdinaryTextAlone() {
    for (String text :
        new String[] {
          "Dead letter fraud-scores-0@42: key=user_1 amount=12.50",
          "password authentication failed for user \"postgres\"",
          "cannot read the password: file missing",
          "schema at version 12 (3 migration(s) applied now)",
          "card 4111111111111111 seen",
          "jdbc:postgresql://db:5432/sentinel",
          "",
        }) {
      assertThat(Secrets.maskText(text)).isEqualTo(text);
    }
    assertThat(Secrets.maskText(null)).isNull();
  }

  @Test
  void shouldMaskApiKeysBearerTokensAndPrivateKeysInText() {
    String key = "sentinel_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v";
    assertThat(Secrets.maskText("created " + key + " for ana"))
        .isEqualTo("created " + MASK + " for ana");
    assertThat(Secrets.maskText("Authorization: Bearer abc.def-ghi"))
        .isEqualTo("Authorization: Bearer " + MASK);
    String pem = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG\n-----END PRIVATE KEY-----\n";
    assertThat(Secrets.maskText("read " + pem))
        .doesNotContain("MIGHAgEAMBMG")
        .contains("-----BEGIN PRIVATE KEY-----");
    assertThat(Secrets.maskText("sentinel_ is our prefix")).isEqualTo("sentinel_ is our prefix");
  }

  @Test
  void textAndSettingNamesFollowOneRule() {
    for (String name :
        new String[] {"ssl.keystore.key", "api.sig", "x-signature", "client.private.pem"}) {
      assertThat(Secrets.isSecret(name)).as(name).isTrue();
      assertThat(Secrets.maskText(name + "=s3cr3tvalue")).as(name).isEqualTo(name + "=" + MASK);
    }
    assertThat(Secrets.maskText("key=user-1 partition=3")).isEqualTo("key=user-1 partition=3");
  }
}
