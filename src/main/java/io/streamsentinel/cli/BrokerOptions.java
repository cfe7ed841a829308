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

  @Option(
      names = "--fresh",
      description =
          "Delete the broker's data before starting (with demo: also the detector's state and the"
              + " embedded database's).")
  boolean fresh;

  @Option(
      names = "--secure",
      description =
          "Clients must authenticate (SCRAM-SHA-512 over TLS) and ACLs decide what each may do;"
              + " brokers and controllers talk over mutual TLS. A CA and the broker's certificate"
              + " are made in the data directory at first start and reused after, and an admin"
              + " user's client settings are written there (sentinel-admin.properties, owner-only).")
  boolean secure;

  @Option(
      names = "--ca-dir",
      paramLabel = "DIR",
      description =
          "With --secure: where the CA and the admin's settings are kept (default: the data"
              + " directory). A secure cluster of several nodes needs it: the same folder for the"
              + " nodes on one machine, a copy of it on each other machine.")
  Path caDir;

  BrokerSettings settings() {
    return settings(KraftQuorum.single());
  }

  BrokerSettings settings(KraftQuorum quorum) {
    return new BrokerSettings(host, port, dataDir, fresh, quorum, secure, caDir);
  }
}
