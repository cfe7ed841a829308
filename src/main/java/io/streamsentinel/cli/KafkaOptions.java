package io.streamsentinel.cli;

import io.streamsentinel.config.ConfigFile;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.TuningProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every Kafka-facing command shares, as given. Precedence, lowest first: the profile's
 * values, the config file, then the command line ({@link KafkaConfig#resolve}).
 */
public final class KafkaOptions {

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT[,...]",
      description =
          "Kafka cluster to use (default: localhost:9092, or bootstrap.servers from --config).")
  String bootstrapServers;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description = {
        "Client tuning profile (default: balanced; 'sentinel config show' prints its values):",
        "  balanced:        " + TuningProfile.Summary.BALANCED,
        "  low-latency:     " + TuningProfile.Summary.LOW_LATENCY,
        "  high-throughput: " + TuningProfile.Summary.HIGH_THROUGHPUT
      })
  String profile;

  @Option(
      names = "--kafka-prop",
      paramLabel = "KEY=VALUE",
      description =
          "Kafka client property over the profile (repeatable). Prefix producer., consumer., admin. or streams. to"
              + " reach one kind of client only, e.g. --kafka-prop producer.linger.ms=20.")
  List<String> kafkaProps = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Settings file (Java properties): bootstrap.servers, profile, kafka.*, topics.*, limits.*.")
  Path configPath;

  /**
   * The options as given, for a child process to resolve the same configuration, on {@code
   * bootstrapServers} (the cluster this process settled on) instead of the given one.
   */
  List<String> arguments(String bootstrapServers) {
    List<String> args = new ArrayList<>(List.of("--bootstrap-servers", bootstrapServers));
    if (profile != null) {
      args.addAll(List.of("--profile", profile));
    }
    for (String prop : kafkaProps) {
      args.addAll(List.of("--kafka-prop", prop));
    }
    if (configPath != null) {
      args.addAll(List.of("--config", configPath.toAbsolutePath().toString()));
    }
    return args;
  }

  /**
   * Resolves the file and the flags into the command's Kafka configuration; call once per command.
   *
   * @throws io.streamsentinel.config.ConfigException naming the file and key of a bad setting
   */
  public KafkaConfig config() {
    return KafkaConfig.resolve(
        configPath == null ? ConfigFile.empty() : ConfigFile.load(configPath),
        bootstrapServers,
        profile,
        kafkaProps);
  }
}
