package io.streamsentinel.cli;

import io.streamsentinel.app.ComponentClients;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.ClientConfig;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.secrets.Secrets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentinel config show}: the effective client properties, each with where its value came
 * from.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Shows effective configuration.",
    subcommands = ConfigCommand.Show.class)
final class ConfigCommand {

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the effective Kafka client properties of each component after the profile, the config file and"
            + " --kafka-prop are applied, with the source of every value.",
        "Example: sentinel config show --component generator --profile high-throughput",
        "         sentinel config show --component detector --guarantee at-least-once"
      })
  static final class Show implements Callable<Integer> {
    private final CliContext context;
    @Mixin KafkaOptions kafka;

    @Option(
        names = "--component",
        paramLabel = "C",
        description = "Only this component: ${COMPLETION-CANDIDATES}.",
        completionCandidates = Names.class)
    String component;

    @Option(
        names = "--guarantee",
        paramLabel = "G",
        defaultValue = "exactly-once",
        description =
            "The detector's processing guarantee, as given to detect --guarantee: exactly-once"
                + " (default) or at-least-once. Under exactly-once the detector lists the profile's"
                + " commit interval, its producer lingering as long; under at-least-once its"
                + " producer's own linger and acks, and no commit.interval.ms (Kafka Streams' 30 s).")
    String guarantee;

    Show(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      StreamsSettings.Guarantee detectorGuarantee = StreamsSettings.Guarantee.fromCli(guarantee);
      KafkaConfig config = kafka.config();
      ClientConfigFactory factory = config.clients();
      List<String> names = component == null ? ComponentClients.names() : List.of(component);
      for (String name : names) {
        for (ClientConfig client : ComponentClients.clients(name, factory, detectorGuarantee)) {
          print(name, client, config.settings().profile().cliName());
        }
      }
      return 0;
    }

    private void print(String component, ClientConfig client, String profile) {
      context.out().printf("# %s: %s (profile %s)%n", component, client.clientKind(), profile);
      for (ClientConfig.Entry e : client.entries()) {
        context
            .out()
            .printf(
                "%-40s = %-45s # %s: %s%n",
                e.key(),
                Secrets.shown(e.key(), e.value()),
                Secrets.maskText(e.source()),
                Secrets.maskText(e.why()));
      }
      context.out().println();
    }
  }

  /** Completion candidates for {@code --component}. */
  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ComponentClients.names().iterator();
    }
  }
}
