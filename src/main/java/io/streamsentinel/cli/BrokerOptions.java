package io.streamsentinel.cli;

import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.KraftQuorum;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the embedded broker, shared by {@code broker} and {@code demo}. */
public final class BrokerOptions {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description = "Client port of the embedded broker (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "localhost",
      description =
          "Interface to bind and advertise (default: ${DEFAULT-VALUE}: not reachable from other machines).")
  String host;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "data/kafka",
      description = "Where the broker keeps its logs and metadata (default: ./${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--fresh", description = "Delete the broker's data before starting.")
  boolean fresh;

  BrokerSettings settings() {
    return settings(KraftQuorum.single());
  }

  BrokerSettings settings(KraftQuorum quorum) {
    return new BrokerSettings(host, port, dataDir, fresh, quorum);
  }
}
