package io.streamsentinel.kafka;

import io.streamsentinel.runtime.SecretFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How one principal reaches a secure cluster: SCRAM-SHA-512 over TLS, trusting the cluster's CA.
 * Written as a settings file every command reads with {@code --config} (owner-only, since it holds
 * the password), self-contained so it can be copied to another machine: the CA certificate is
 * inside.
 *
 * @param bootstrapServers the cluster's SASL_SSL listeners
 * @param user the SCRAM user name, which is the principal ACLs name ({@code User:<user>})
 * @param password never printed
 * @param caPem the CA certificate(s) the client trusts, PEM
 */
public record ClientSecurity(String bootstrapServers, String user, String password, String caPem) {

  private static final Pattern JAAS =
      Pattern.compile("username=\"([^\"]*)\"\\s+password=\"([^\"]*)\"");

  public ClientSecurity {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(caPem, "caPem");
    if (!user.matches("[A-Za-z0-9._-]+") || password.contains("\"") || password.contains("\\")) {
      throw new IllegalArgumentException(
          "user names take letters, digits, '.', '_' and '-', passwords no quotes; got user '"
              + user
              + "'");
    }
  }

  /** The Kafka client properties: security protocol, SASL and the trust store. */
  public Map<String, String> clientProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    p.put(SaslConfigs.SASL_MECHANISM, BrokerSecurity.MECHANISM);
    p.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaas(user, password));
    p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
    p.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, caPem.strip());
    return p;
  }

  /** Writes the settings file (owner-only). */
  public void write(Path file) {
    writeSettings(
        file,
        "Stream-Sentinel client settings of Kafka user '" + user + "' (SCRAM-SHA-512 over TLS)",
        bootstrapServers,
        clientProperties());
  }

  /** The JAAS text of a SCRAM login. */
  static String scramJaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /**
   * Writes a settings file for {@code --config} (owner-only): the cluster and Kafka client
   * properties as {@code kafka.*} entries.
   */
  static void writeSettings(
      Path file, String title, String bootstrapServers, Map<String, String> properties) {
    StringBuilder text = new StringBuilder();
    text.append("# ").append(title).append(".\n");
    text.append("# Holds a password: keep it private. Use it with --config.\n");
    text.append("bootstrap.servers=").append(bootstrapServers).append('\n');
    properties.forEach(
        (k, v) -> text.append("kafka.").append(k).append('=').append(escape(v)).append('\n'));
    SecretFiles.write(file, text.toString());
  }

  /** The SCRAM password in a settings file's JAAS entry, or null when it has none. */
  static String passwordIn(Path file) {
    Matcher m =
        JAAS.matcher(properties(file).getProperty("kafka." + SaslConfigs.SASL_JAAS_CONFIG, ""));
    return m.find() ? m.group(2) : null;
  }

  private static Properties properties(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return p;
  }

  /**
   * Reads a file {@link #write} wrote.
   *
   * @throws IllegalArgumentException naming the file when it is not such a file
   */
  public static ClientSecurity load(Path file) {
    Properties p = properties(file);
    String jaas = p.getProperty("kafka." + SaslConfigs.SASL_JAAS_CONFIG, "");
    String ca = p.getProperty("kafka." + SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG);
    String servers = p.getProperty("bootstrap.servers");
    Matcher m = JAAS.matcher(jaas);
    if (!m.find() || ca == null || servers == null) {
      throw new IllegalArgumentException(
          file
              + " is not a client settings file of a secure cluster (it needs bootstrap.servers,"
              + " kafka.sasl.jaas.config with username and password, and"
              + " kafka.ssl.truststore.certificates)");
    }
    return new ClientSecurity(servers, m.group(1), m.group(2), ca);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "ClientSecurity[" + user + "@" + bootstrapServers + "]";
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
