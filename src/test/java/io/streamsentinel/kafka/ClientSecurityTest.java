package io.streamsentinel.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A component's settings carry its own login and the trust settings, never another identity. */
class ClientSecurityTest {

  @TempDir Path dir;

  @Test
  void componentSettingsKeepOnlyTrustOfTheAdministratorsTransport() throws Exception {
    Map<String, String> admin =
        Map.of(
            "security.protocol", "SASL_SSL",
            "ssl.keystore.location", "/secret/admin.p12",
            "ssl.keystore.password", "kspass",
            "ssl.key.password", "keypass",
            "sasl.login.callback.handler.class", "com.example.Oauth",
            "ssl.truststore.location", "/etc/ca.p12",
            "ssl.truststore.password", "trustpass",
            "ssl.endpoint.identification.algorithm", "https");
    ClientSecurity detector = new ClientSecurity("k:9093", "detector", "pw", admin);

    Path file = dir.resolve("detector.properties");
    detector.write(file);

    String text = Files.readString(file);
    assertThat(text)
        .contains("kafka.security.protocol=SASL_SSL", "username=\"detector\" password=\"pw\"")
        .contains("ssl.truststore.location=/etc/ca.p12", "ssl.endpoint.identification.algorithm")
        .doesNotContain("keystore", "key.password", "kspass", "keypass", "Oauth", "admin");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    ClientSecurity back = ClientSecurity.load(file);
    assertThat(back.user()).isEqualTo("detector");
    assertThat(back.password()).isEqualTo("pw");
    assertThat(back.trust()).containsEntry("ssl.truststore.location", "/etc/ca.p12");
    assertThat(back.toString()).doesNotContain("pw");
  }

  @Test
  void pemTrustSurvivesTheFileWithItsLineBreaks() {
    String pem = Certificates.newAuthority("ca").certificatePem();
    Path file = dir.resolve("admin.properties");
    ClientSecurity.trustingCa("k:9093", "admin", "pw", pem).write(file);

    assertThat(ClientSecurity.load(file).trust())
        .containsEntry("ssl.truststore.certificates", pem.strip());
  }

  @Test
  void anotherFileIsRefusedNamingIt() throws Exception {
    Path file = dir.resolve("plain.properties");
    Files.writeString(file, "bootstrap.servers=k:9092\n");
    assertThatThrownBy(() -> ClientSecurity.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain.properties");
  }

  @Test
  void setupRefusesAnAdministratorOutsideSaslSsl() {
    KafkaSettings mtls =
        new KafkaSettings(
            "k:9093",
            TuningProfile.BALANCED,
            List.of(KafkaOverride.parse("security.protocol=SSL", "test")));
    assertThatThrownBy(() -> SecuritySetup.run(mtls, List.of("detector"), dir, line -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("security.protocol is SSL");
    assertThat(dir.resolve("detector.properties")).doesNotExist();
  }
}
