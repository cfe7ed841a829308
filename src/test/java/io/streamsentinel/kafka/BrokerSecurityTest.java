package io.streamsentinel.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secure broker's TLS material: made once, reused, and replaced when it no longer fits. */
class BrokerSecurityTest {

  @TempDir Path dir;

  private Certificates.Issued broker() throws Exception {
    return Certificates.read(
        Files.readString(dir.resolve(BrokerSecurity.BROKER_PEM)), "broker file");
  }

  @Test
  void caIsReusedAndKeysAreOwnerOnly() throws Exception {
    BrokerSecurity first = BrokerSecurity.prepare(dir, dir, "localhost");
    BrokerSecurity again = BrokerSecurity.prepare(dir, dir, "localhost");

    assertThat(again.caPem()).isEqualTo(first.caPem());
    for (String secret : List.of(BrokerSecurity.CA_KEY, BrokerSecurity.BROKER_PEM)) {
      assertThat(Files.getPosixFilePermissions(dir.resolve(secret)))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
    broker().certificate().verify(first.authorityCertificate().getPublicKey());
  }

  @Test
  void brokerCertificateIsReissuedForAnotherHostOrAnotherCa() throws Exception {
    BrokerSecurity security = BrokerSecurity.prepare(dir, dir, "localhost");

    BrokerSecurity.prepare(dir, dir, "kafka.example");
    assertThat(Certificates.hostsOf(broker().certificate())).contains("kafka.example");

    Certificates.Issued foreign =
        Certificates.issue(
            Certificates.newAuthority("other"), "sentinel-broker", List.of("localhost"));
    Files.writeString(dir.resolve(BrokerSecurity.BROKER_PEM), foreign.keystorePem());
    BrokerSecurity.prepare(dir, dir, "localhost");
    broker().certificate().verify(security.authorityCertificate().getPublicKey());
  }

  @Test
  void halfACaIsRefusedNamingTheFolder() throws Exception {
    BrokerSecurity.prepare(dir, dir, "localhost");
    Files.delete(dir.resolve(BrokerSecurity.CA_KEY));

    assertThatThrownBy(() -> BrokerSecurity.prepare(dir, dir, "localhost"))
        .hasMessageContaining(dir.toString())
        .hasMessageContaining(BrokerSecurity.CA_KEY);
  }
}
