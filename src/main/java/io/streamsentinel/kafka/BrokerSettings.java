package io.streamsentinel.kafka;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the embedded broker.
 *
 * @param host the interface the client listener binds to and advertises ({@code localhost} by
 *     default, so the broker is not reachable from other machines unless asked)
 * @param port the client (PLAINTEXT) port; 0 picks a free one, which tests use
 * @param dataDir where the log segments and KRaft metadata live; kept across restarts
 * @param fresh wipe {@code dataDir} before starting
 * @param quorum this node's place in a KRaft controller quorum; {@link KraftQuorum#single()} for a
 *     cluster of one
 */
public record BrokerSettings(
    String host, int port, Path dataDir, boolean fresh, KraftQuorum quorum) {

  public static final int DEFAULT_PORT = 9092;
  public static final Path DEFAULT_DATA_DIR = Path.of("data", "kafka");

  public BrokerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(quorum, "quorum");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 0..65535 but was " + port);
    }
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
