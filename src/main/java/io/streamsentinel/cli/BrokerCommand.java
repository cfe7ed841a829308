package io.streamsentinel.cli;

import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KraftQuorum;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel broker}: a real Kafka broker in this process, until Ctrl-C. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a real Apache Kafka broker (KRaft, broker and controller in one node) in this process until Ctrl-C"
          + " or SIGTERM. Data is kept across restarts unless --fresh.",
      "Other commands reach it with their default --bootstrap-servers localhost:9092.",
      "",
      "A cluster of several nodes: start one per --data-dir (on one machine or several), each with"
          + " its own --node-id and --port and the same --controller-quorum, e.g. three nodes:",
      "  sentinel broker --node-id 1 --port 9092 --data-dir data/kafka-1"
          + " --controller-quorum 1@localhost:9093,2@localhost:9095,3@localhost:9097",
      "  (node 2: --port 9094 --data-dir data/kafka-2; node 3: --port 9096 --data-dir data/kafka-3)",
      "Each node is broker and controller; the cluster id is derived from the quorum. Internal"
          + " topics get min(3, nodes) replicas and min.insync.replicas 2 at 3 replicas.",
      "",
      "--secure: the client port speaks SASL_SSL; then run 'sentinel security init --config"
          + " CA_DIR/sentinel-admin.properties' once for the components' users, ACLs and settings"
          + " files. A secure cluster: give every node the same --ca-dir (copy the folder to the"
          + " other machines after the first node made it)."
    })
final class BrokerCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin BrokerOptions broker;

  @Option(
      names = "--node-id",
      paramLabel = "ID",
      defaultValue = "1",
      description = "This node's id in the cluster (default: ${DEFAULT-VALUE}).")
  int nodeId;

  @Option(
      names = "--controller-quorum",
      paramLabel = "ID@HOST:PORT,...",
      description =
          "Every node of the cluster as id@host:controller-port, the same list on each node; this"
              + " node listens for controller traffic on its own entry's port. Without it the"
              + " broker is a cluster of one.")
  String controllerQuorum;

  @Option(
      names = "--cluster-id",
      paramLabel = "ID",
      description =
          "The cluster id to format a new data directory with (default: derived from"
              + " --controller-quorum, random for a cluster of one).")
  String clusterId;

  BrokerCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    KraftQuorum quorum = quorum();
    try (EmbeddedKafkaBroker server = new EmbeddedKafkaBroker(broker.settings(quorum))) {
      if (!quorum.isSingle()) {
        context
            .out()
            .println(
                "Node "
                    + quorum.nodeId()
                    + " of "
                    + quorum.size()
                    + ": waiting for a majority of "
                    + quorum.votersConfig(broker.host, 0)
                    + " to start...");
      }
      server.start();
      context
          .out()
          .println(
              "Kafka broker running at "
                  + server.bootstrapServers()
                  + (quorum.isSingle()
                      ? " (KRaft combined mode, data in "
                      : " (node " + quorum.nodeId() + ", KRaft combined mode, data in ")
                  + broker.dataDir
                  + ")");
      if (server.adminSettings() != null) {
        context
            .out()
            .println(
                "Secure: SASL_SSL (SCRAM-SHA-512) for clients, ACLs enforced. Admin settings in "
                    + server.adminSettings()
                    + " (keep private).");
        context
            .out()
            .println(
                "Set up the components' users and ACLs with: sentinel security init --config "
                    + server.adminSettings());
      } else {
        context
            .out()
            .println(
                "Create the topics with: sentinel topics create --bootstrap-servers "
                    + server.bootstrapServers());
      }
      context.out().println("Press Ctrl-C to stop.");
      context.shutdown().awaitRequest();
      context.out().println("Stopping broker...");
    }
    context.out().println("Broker stopped.");
    return 0;
  }

  /**
   * @throws IllegalArgumentException naming the option that is wrong
   */
  private KraftQuorum quorum() {
    if (controllerQuorum == null) {
      if (nodeId != 1 || clusterId != null) {
        throw new IllegalArgumentException(
            "--node-id and --cluster-id need --controller-quorum (the cluster's nodes)");
      }
      return KraftQuorum.single();
    }
    return KraftQuorum.parse(nodeId, controllerQuorum, clusterId);
  }
}
