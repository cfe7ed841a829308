package io.streamsentinel.cli;

import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sentinel broker}: a real Kafka broker in this process, until Ctrl-C. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a real Apache Kafka broker (KRaft, broker and controller in one node) in this process until Ctrl-C"
          + " or SIGTERM. Data is kept across restarts unless --fresh.",
      "Other commands reach it with their default --bootstrap-servers localhost:9092."
    })
final class BrokerCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin BrokerOptions broker;

  BrokerCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    try (EmbeddedKafkaBroker server = new EmbeddedKafkaBroker(broker.settings())) {
      server.start();
      context
          .out()
          .println(
              "Kafka broker running at "
                  + server.bootstrapServers()
                  + " (KRaft combined mode, data in "
                  + broker.dataDir
                  + ")");
      context
          .out()
          .println(
              "Create the topics with: sentinel topics create --bootstrap-servers "
                  + server.bootstrapServers());
      context.out().println("Press Ctrl-C to stop.");
      context.shutdown().awaitRequest();
      context.out().println("Stopping broker...");
    }
    context.out().println("Broker stopped.");
    return 0;
  }
}
