package io.streamsentinel.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatesTest {

  @Test
  void issuedCertificateIsSignedByTheAuthorityAndNamesItsHosts() throws Exception {
    Certificates.Issued ca = Certificates.newAuthority("test-ca");
    Certificates.Issued leaf = Certificates.issue(ca, "node", List.of("kafka.example", "10.0.0.7"));

    leaf.certificate().verify(ca.certificate().getPublicKey()); // throws when not signed by it
    leaf.certificate().checkValidity();
    assertThat(leaf.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=node");
    assertThat(leaf.certificate().getBasicConstraints()).isEqualTo(-1); // not a CA
    assertThat(ca.certificate().getBasicConstraints()).isZero();
    assertThat(Certificates.hostsOf(leaf.certificate()))
        .containsExactlyInAnyOrder("kafka.example", "10.0.0.7");
  }

  @Test
  void pemRoundTripKeepsKeyAndCertificate() {
    Certificates.Issued ca = Certificates.newAuthority("test-ca");
    String pem = ca.keystorePem();
    assertThat(pem).contains("BEGIN PRIVATE KEY", "BEGIN CERTIFICATE").doesNotContain("ENCRYPTED");

    Certificates.Issued back = Certificates.read(pem, "test file");

    assertThat(back.certificate()).isEqualTo(ca.certificate());
    assertThat(back.key().getEncoded()).isEqualTo(ca.key().getEncoded());
    assertThat(Certificates.read(ca.keyPem() + ca.certificatePem(), "split").certificate())
        .isEqualTo(ca.certificate());
  }

  @Test
  void textWithoutKeyIsRefusedNamingIt() {
    Certificates.Issued ca = Certificates.newAuthority("test-ca");
    assertThatThrownBy(() -> Certificates.read(ca.certificatePem(), "the CA in data/kafka"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the CA in data/kafka");
  }
}
