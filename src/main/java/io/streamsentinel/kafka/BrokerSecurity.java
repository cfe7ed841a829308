package io.streamsentinel.kafka;

import io.streamsentinel.runtime.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SslConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What makes the embedded broker secure ({@code broker --secure}): its TLS material, kept in the
 * data directory (a CA made at first start, reused after; a broker certificate naming the host),
 * the listener settings, and the first user, {@code admin}, with a random password written to a
 * client settings file only its owner can read.
 *
 * <p>Clients authenticate with SCRAM-SHA-512 over TLS. Broker-to-broker and broker-to-controller
 * traffic runs on TLS listeners that require the broker's certificate (mutual TLS), so no password
 * has to exist before the cluster does. Authorisation is KRaft's {@code StandardAuthorizer}: what
 * no ACL allows is refused, except for the brokers and {@code admin} ({@code super.users}).
 *
 * <p>The files sit in the data directory's top level ({@code sentinel-*}): Kafka ignores plain
 * files there, while a folder would be taken for a partition.
 */
public final class BrokerSecurity {

  private static final Logger log = LoggerFactory.getLogger(BrokerSecurity.class);

  public static final String MECHANISM = "SCRAM-SHA-512";
  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_FILE = "sentinel-admin.properties";
  static final String BROKER_NAME = "sentinel-broker";
  static final String CA_NAME = "sentinel-ca";
  static final String CA_CERT = "sentinel-ca.crt";
  static final String CA_KEY = "sentinel-ca.key";
  static final String BROKER_PEM = "sentinel-broker.pem";

  /** SCRAM's salted-hash iterations: Kafka's minimum is 4096. */
  static final int ITERATIONS = 8192;

  private final Path dir;
  private final Path caDir;
  private final Certificates.Issued authority;

  private BrokerSecurity(Path dir, Path caDir, Certificates.Issued authority) {
    this.dir = dir;
    this.caDir = caDir;
    this.authority = authority;
  }

  /**
   * Loads the CA from {@code caDir} or makes one there, and (re)issues this node's certificate in
   * {@code dataDir} when it is missing or does not name {@code host}.
   *
   * @param caDir the CA's folder: the data directory, or one the nodes of a cluster share
   */
  static BrokerSecurity prepare(Path dataDir, Path caDir, String host) {
    Certificates.Issued ca = authority(caDir);
    BrokerSecurity security = new BrokerSecurity(dataDir, caDir, ca);
    Set<String> hosts = hosts(host);
    Path brokerPem = dataDir.resolve(BROKER_PEM);
    if (!Files.exists(brokerPem)
        || !fits(Certificates.read(read(brokerPem), brokerPem.toString()), ca, hosts)) {
      Certificates.Issued broker = Certificates.issue(ca, BROKER_NAME, hosts);
      SecretFiles.write(brokerPem, broker.keystorePem(ca.certificate()));
      log.info("Issued the broker certificate for {}", hosts);
    }
    return security;
  }

  /**
   * The CA in {@code caDir}, made there if it has none; a lock keeps nodes that share the folder
   * from making two.
   */
  private static Certificates.Issued authority(Path caDir) {
    // A file lock guards against other processes only: nodes in one JVM take turns first.
    synchronized (BrokerSecurity.class) {
      return lockedAuthority(caDir);
    }
  }

  private static Certificates.Issued lockedAuthority(Path caDir) {
    Path caCert = caDir.resolve(CA_CERT);
    Path caKey = caDir.resolve(CA_KEY);
    try {
      Files.createDirectories(caDir);
      try (FileChannel channel =
              FileChannel.open(
                  caDir.resolve(".sentinel-ca.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (Files.exists(caCert) && Files.exists(caKey)) {
          log.info("Reusing the certificate authority in {}", caDir);
          return Certificates.read(read(caKey) + read(caCert), "the CA in " + caDir);
        }
        if (Files.exists(caCert) || Files.exists(caKey)) {
          throw new IllegalStateException(
              caDir
                  + " holds only one of "
                  + CA_CERT
                  + " and "
                  + CA_KEY
                  + "; copy both, or neither to make a new CA");
        }
        Certificates.Issued ca = Certificates.newAuthority(CA_NAME);
        SecretFiles.write(caKey, ca.keyPem());
        write(caCert, ca.certificatePem());
        log.info("Created a certificate authority in {}", caDir);
        return ca;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the CA in " + caDir, e);
    }
  }

  /**
   * Whether a broker certificate may be used as it is: signed by this CA, valid for another month,
   * naming every host the broker answers to.
   */
  private static boolean fits(
      Certificates.Issued broker, Certificates.Issued ca, Set<String> hosts) {
    X509Certificate certificate = broker.certificate();
    try {
      certificate.verify(ca.certificate().getPublicKey());
      certificate.checkValidity(Date.from(Instant.now().plus(Duration.ofDays(30))));
    } catch (GeneralSecurityException e) {
      log.info("The broker certificate is reissued: {}", e.getMessage());
      return false;
    }
    return Certificates.hostsOf(certificate).containsAll(hosts);
  }

  /** The names a broker on {@code host} answers to: the host, and this machine's loopback. */
  private static Set<String> hosts(String host) {
    return new LinkedHashSet<>(List.of(host, "localhost", "127.0.0.1"));
  }

  /** The principal of a broker certificate, for {@code super.users}. */
  static String brokerPrincipal() {
    return "User:CN=" + BROKER_NAME;
  }

  /** The CA certificate as PEM: what a client trusts. */
  public String caPem() {
    return authority.certificatePem();
  }

  /** The broker's TLS, SASL and authoriser settings; the listeners are the caller's. */
  Map<String, String> serverProperties() {
    Map<String, String> p = new LinkedHashMap<>(tlsIdentity());
    p.put("sasl.enabled.mechanisms", MECHANISM);
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("allow.everyone.if.no.acl.found", "false");
    p.put("super.users", brokerPrincipal() + ";User:" + ADMIN_USER);
    return p;
  }

  /** A client of the broker's own mutual-TLS listener at {@code bootstrap}, as the broker. */
  Map<String, Object> brokerClient(String bootstrap) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
    p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "sentinel-broker-setup");
    p.putAll(tlsIdentity());
    return p;
  }

  /** The broker's key and certificate, and the CA it trusts: as a server and as a client. */
  private Map<String, String> tlsIdentity() {
    return Map.of(
        SslConfigs.SSL_KEYSTORE_TYPE_CONFIG,
        "PEM",
        SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG,
        dir.resolve(BROKER_PEM).toString(),
        SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG,
        "PEM",
        SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
        caDir.resolve(CA_CERT).toString());
  }

  /**
   * Makes sure the {@code admin} user exists with the password of {@link #ADMIN_FILE} (a new random
   * one the first time), writing the file for clients at {@code clientBootstrap}.
   *
   * @param internalBootstrap the broker's mutual-TLS listener, where it acts as itself
   * @return the admin's client settings file
   */
  Path ensureAdmin(String internalBootstrap, String clientBootstrap) throws InterruptedException {
    Path file = adminFile();
    String password =
        Files.exists(file) ? ClientSecurity.load(file).password() : SecretFiles.randomPassword();
    try (Admin admin = Admin.create(brokerClient(internalBootstrap))) {
      ClientSecurity.upsert(admin, ADMIN_USER, password);
    }
    ClientSecurity.trustingCa(clientBootstrap, ADMIN_USER, password, caPem()).write(file);
    return file;
  }

  /** Where the admin's settings are (written by the cluster's first node). */
  Path adminFile() {
    return caDir.resolve(ADMIN_FILE);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** For tests: the CA certificate. */
  X509Certificate authorityCertificate() {
    return authority.certificate();
  }
}
