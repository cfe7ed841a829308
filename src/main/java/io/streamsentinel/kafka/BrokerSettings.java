package io.streamsentinel.kafka;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the embedded broker.
 *
 * @param host the interface the client listener binds to and advertises ({@code localhost} by
 *     default, so the broker is not reachable from other machines unless asked)
 * @param port the client port (PLAINTEXT, or SASL_SSL when secure); 0 picks a free one, which tests
 *     use
 * @param dataDir where the log segments and KRaft metadata live; kept across restarts
 * @param fresh wipe {@code dataDir} before starting
 * @param quorum this node's place in a KRaft controller quorum; {@link KraftQuorum#single()} for a
 *     cluster of one
 * @param secure clients authenticate (SCRAM-SHA-512 over TLS) and ACLs authorise them ({@link
 *     BrokerSecurity}); the client port then speaks SASL_SSL
 * @param caDir where a secure broker keeps the CA and the admin's settings; null for {@code
 *     dataDir}. Every node of a secure cluster needs the same CA: one folder they share, or a copy
 */
public record BrokerSettings(
    String host,
    int port,
    Path dataDir,
    boolean fresh,
    KraftQuorum quorum,
    boolean secure,
    Path caDir) {

  public static final int DEFAULT_PORT = 9092;
  public static final Path DEFAULT_DATA_DIR = Path.of("data", "kafka");

  public BrokerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(quorum, "quorum");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 0..65535 but was " + port);
    }
    if (secure && !quorum.isSingle() && caDir == null) {
      throw new IllegalArgumentException(
          "a secure cluster of several nodes needs --ca-dir: the folder with the CA every node"
              + " shares (the same folder on one machine, a copy of it on each other machine)");
    }
  }

  /** A node with security as given, its CA in its data directory. */
  public BrokerSettings(
      String host, int port, Path dataDir, boolean fresh, KraftQuorum quorum, boolean secure) {
    this(host, port, dataDir, fresh, quorum, secure, null);
  }

  /** Where the CA and the admin's settings are. */
  public Path securityDir() {
    return caDir != null ? caDir : dataDir;
  }

  /** A node without security (PLAINTEXT, no ACLs). */
  public BrokerSettings(String host, int port, Path dataDir, boolean fresh, KraftQuorum quorum) {
    this(host, port, dataDir, fresh, quorum, false);
  }

  /** A cluster of one node. */
  public BrokerSettings(String host, int port, Path dataDir, boolean fresh) {
    this(host, port, dataDir, fresh, KraftQuorum.single());
  }

  /** The defaults: localhost:9092, data under {@code ./data/kafka}, data kept, one node. */
  public static BrokerSettings defaults() {
    return new BrokerSettings("localhost", DEFAULT_PORT, DEFAULT_DATA_DIR, false);
  }
}
