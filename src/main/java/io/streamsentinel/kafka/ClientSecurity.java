package io.streamsentinel.kafka;

import io.streamsentinel.runtime.SecretFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How one Kafka user reaches a secure cluster: SCRAM-SHA-512 over TLS, trusting the cluster's CA.
 * Written as a settings file every command reads with {@code --config} (owner-only, since it holds
 * the password). It carries nothing of another identity: only the cluster, the user's login and
 * what the client trusts (the {@code ssl.truststore.*} settings; the embedded broker's files carry
 * its CA certificate inline, so they can be copied to another machine as they are).
 *
 * @param bootstrapServers the cluster's SASL_SSL listeners
 * @param user the SCRAM user name, which is the principal ACLs name ({@code User:<user>})
 * @param password never printed
 * @param trust the trust settings ({@code ssl.truststore.*}, {@code
 *     ssl.endpoint.identification.algorithm})
 */
public record ClientSecurity(
    String bootstrapServers, String user, String password, Map<String, String> trust) {

  private static final Pattern JAAS =
      Pattern.compile("username=\"([^\"]*)\"\\s+password=\"([^\"]*)\"");

  public ClientSecurity {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    trust = Map.copyOf(trustOf(trust));
    if (!user.matches("[A-Za-z0-9._-]+") || password.contains("\"") || password.contains("\\")) {
      throw new IllegalArgumentException(
          "user names take letters, digits, '.', '_' and '-', passwords no quotes; got user '"
              + user
              + "'");
    }
  }

  /** A user of the embedded broker, trusting its CA certificate ({@code caPem}). */
  static ClientSecurity trustingCa(
      String bootstrapServers, String user, String password, String caPem) {
    return new ClientSecurity(
        bootstrapServers,
        user,
        password,
        Map.of(
            SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG,
            "PEM",
            SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG,
            caPem.strip()));
  }

  /** The trust settings among a client's properties; nothing that names an identity. */
  static Map<String, String> trustOf(Map<String, String> properties) {
    Map<String, String> trust = new LinkedHashMap<>();
    properties.forEach(
        (k, v) -> {
          if (k.startsWith("ssl.truststore.")
              || k.equals(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG)) {
            trust.put(k, v);
          }
        });
    return trust;
  }

  /** The Kafka client properties: security protocol, SASL and the trust store. */
  public Map<String, String> clientProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    p.put(SaslConfigs.SASL_MECHANISM, BrokerSecurity.MECHANISM);
    p.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaas(user, password));
    p.putAll(trust);
    return p;
  }

  /** Writes the settings file (owner-only). */
  public void write(Path file) {
    StringBuilder text = new StringBuilder();
    text.append("# Stream-Sentinel client settings of Kafka user '")
        .append(user)
        .append("' (SCRAM-SHA-512 over TLS).\n");
    text.append("# Holds a password: keep it private. Use it with --config.\n");
    text.append("bootstrap.servers=").append(bootstrapServers).append('\n');
    clientProperties()
        .forEach(
            (k, v) -> text.append("kafka.").append(k).append('=').append(escape(v)).append('\n'));
    SecretFiles.write(file, text.toString());
  }

  /**
   * Reads a file {@link #write} wrote.
   *
   * @throws IllegalArgumentException naming the file when it is not such a file
   */
  public static ClientSecurity load(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> kafka = new LinkedHashMap<>();
    p.stringPropertyNames().stream()
        .filter(k -> k.startsWith("kafka."))
        .forEach(k -> kafka.put(k.substring("kafka.".length()), p.getProperty(k)));
    Matcher m = JAAS.matcher(kafka.getOrDefault(SaslConfigs.SASL_JAAS_CONFIG, ""));
    String servers = p.getProperty("bootstrap.servers");
    if (!m.find() || servers == null) {
      throw new IllegalArgumentException(
          file
              + " is not the settings file of a Kafka user (it needs bootstrap.servers and"
              + " kafka.sasl.jaas.config with username and password)");
    }
    return new ClientSecurity(servers, m.group(1), m.group(2), trustOf(kafka));
  }

  /** The SCRAM user a client's {@code sasl.jaas.config} logs in as, if any. */
  public static Optional<String> userOf(String jaasConfig) {
    Matcher m = JAAS.matcher(jaasConfig == null ? "" : jaasConfig);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Creates {@code user} on the cluster, or sets its password when it exists (SCRAM-SHA-512).
   *
   * @throws KafkaAdminException naming the user when the cluster refuses
   */
  static void upsert(Admin admin, String user, String password) throws InterruptedException {
    try {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user,
                      new ScramCredentialInfo(
                          ScramMechanism.SCRAM_SHA_512, BrokerSecurity.ITERATIONS),
                      password)))
          .all()
          .get();
    } catch (ExecutionException e) {
      throw new KafkaAdminException(
          "cannot set up Kafka user '" + user + "': " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "ClientSecurity[" + user + "@" + bootstrapServers + "]";
  }

  private static String scramJaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
