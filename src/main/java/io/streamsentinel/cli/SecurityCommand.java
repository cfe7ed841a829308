package io.streamsentinel.cli;

import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.ComponentAccess;
import io.streamsentinel.kafka.SecuritySetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel security init}: the components' Kafka users, ACLs and settings files. */
@Command(
    name = "security",
    mixinStandardHelpOptions = true,
    description = "Sets up an authenticated cluster for the components.",
    subcommands = {SecurityCommand.Init.class})
final class SecurityCommand {

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Creates one Kafka user (SCRAM-SHA-512) per component with the least ACLs it needs, and"
            + " writes a settings file per component (owner-only) for its commands' --config.",
        "Run it as an administrator of the cluster: --config with the admin's settings, e.g. the"
            + " secure embedded broker's DATA_DIR/sentinel-admin.properties. Safe to run again:"
            + " existing files keep their passwords, existing ACLs stay.",
        "Components: generator, detector, responder, sink (persist), analytics, monitoring"
            + " (dashboard, lag), operator (topics, rules, models, labels, accounts, reports)."
      })
  static final class Init implements Callable<Integer> {
    private final CliContext context;
    @Mixin KafkaOptions kafka;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        defaultValue = "data/security",
        description = "Where the settings files go (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(
        names = "--component",
        paramLabel = "NAME",
        description = "Set up only these components (repeatable; default: all).")
    List<String> components = new ArrayList<>();

    Init(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
      List<String> chosen = components.isEmpty() ? ComponentAccess.components() : components;
      KafkaConfig config = kafka.config();
      List<SecuritySetup.Component> done =
          SecuritySetup.run(config.settings(), chosen, out, context.out()::println);
      context
          .out()
          .printf(
              "%d components set up on %s. Start each with --config %s/<component>.properties.%n",
              done.size(), config.settings().bootstrapServers(), out);
      return 0;
    }
  }
}
