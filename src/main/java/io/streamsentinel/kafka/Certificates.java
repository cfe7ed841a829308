package io.streamsentinel.kafka;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The secure broker's small PKI: a certificate authority of its own and the certificates it signs,
 * in PEM (the form Kafka reads with {@code ssl.keystore.type=PEM}). Keys are EC P-256: fast to
 * make, and TLS 1.3 and 1.2 support them everywhere a JDK 17 runs.
 */
public final class Certificates {

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration LEAF_VALIDITY = Duration.ofDays(825);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A key and its certificate. */
  public record Issued(PrivateKey key, X509Certificate certificate) {

    /** The key (unencrypted PKCS#8) followed by the certificate, then {@code chain}, as PEM. */
    public String keystorePem(X509Certificate... chain) {
      List<Object> objects = new ArrayList<>();
      objects.add(key);
      objects.add(certificate);
      objects.addAll(List.of(chain));
      return pem(objects);
    }

    /** The key alone (unencrypted PKCS#8), as PEM. */
    public String keyPem() {
      return pem(List.of(key));
    }

    /** The certificate alone, as PEM. */
    public String certificatePem() {
      return pem(List.of(certificate));
    }
  }

  private Certificates() {}

  /** A new self-signed certificate authority named {@code CN=commonName}. */
  public static Issued newAuthority(String commonName) {
    KeyPair pair = keyPair();
    X500Name name = new X500Name("CN=" + commonName);
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          builder(name, name, pair, CA_VALIDITY)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(pair.getPublic()));
      return new Issued(pair.getPrivate(), sign(builder, pair.getPrivate()));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot create a certificate authority", e);
    }
  }

  /**
   * A certificate for {@code CN=commonName} signed by {@code authority}, good for TLS servers and
   * clients both (a broker is the server of its listeners and the client of the others').
   *
   * @param hosts DNS names and IP addresses the certificate names (for hostname verification)
   */
  public static Issued issue(Issued authority, String commonName, Collection<String> hosts) {
    KeyPair pair = keyPair();
    X500Name issuer =
        X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded());
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          builder(issuer, new X500Name("CN=" + commonName), pair, LEAF_VALIDITY)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(
                      new KeyPurposeId[] {
                        KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                      }))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  ext.createAuthorityKeyIdentifier(authority.certificate()))
              .addExtension(Extension.subjectAlternativeName, false, altNames(hosts));
      return new Issued(pair.getPrivate(), sign(builder, authority.key()));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot issue a certificate for " + commonName, e);
    }
  }

  /** The DNS names and addresses a certificate names in its subject alternative names. */
  public static Set<String> hostsOf(X509Certificate certificate) {
    Set<String> hosts = new LinkedHashSet<>();
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names != null) {
        names.forEach(n -> hosts.add(String.valueOf(n.get(1))));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unreadable certificate names", e);
    }
    return hosts;
  }

  /**
   * Reads a key and certificate written by {@link Issued#keystorePem}; the first certificate is the
   * key's.
   *
   * @throws IllegalArgumentException when the text holds no key or no certificate
   */
  public static Issued read(String pem, String what) {
    PrivateKey key = null;
    X509Certificate certificate = null;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
      JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info && key == null) {
          key = keys.getPrivateKey(info);
        } else if (o instanceof PEMKeyPair pair && key == null) {
          key = keys.getKeyPair(pair).getPrivate();
        } else if (o instanceof X509CertificateHolder holder && certificate == null) {
          certificate = certs.getCertificate(holder);
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("unreadable " + what + ": " + e.getMessage(), e);
    }
    if (key == null || certificate == null) {
      throw new IllegalArgumentException(what + " holds no key and certificate");
    }
    return new Issued(key, certificate);
  }

  private static GeneralNames altNames(Collection<String> hosts) {
    List<GeneralName> names = new ArrayList<>();
    for (String host : new LinkedHashSet<>(hosts)) {
      names.add(
          isAddress(host)
              ? new GeneralName(GeneralName.iPAddress, host)
              : new GeneralName(GeneralName.dNSName, host));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static boolean isAddress(String host) {
    return host.matches("[0-9.]+") || host.contains(":");
  }

  private static JcaX509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair pair, Duration validity) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(128, RANDOM),
        Date.from(now.minus(Duration.ofHours(1))), // tolerate clocks a little behind
        Date.from(now.plus(validity)),
        subject,
        pair.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no EC key generator in this JDK", e);
    }
  }

  private static String pem(List<?> objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        writer.writeObject(
            o instanceof PrivateKey key ? new JcaPKCS8Generator(key, null).generate() : o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
