package io.streamsentinel.cli;

import io.streamsentinel.config.ConfigFile;
import io.streamsentinel.kafka.KafkaOverride;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TuningProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every Kafka-facing command shares. Precedence, lowest first: the profile's values,
 * the config file, then the command line.
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
      description = "Client tuning profile: balanced (default), low-latency or high-throughput.")
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

  private ConfigFile configFile;

  /** The parsed config file, or an empty one. */
  public ConfigFile configFile() {
    if (configFile == null) {
      configFile = configPath == null ? ConfigFile.empty() : ConfigFile.load(configPath);
    }
    return configFile;
  }

  /** The effective Kafka settings. */
  public KafkaSettings kafkaSettings() {
    ConfigFile file = configFile();
    String servers =
        bootstrapServers != null
            ? bootstrapServers
            : file.bootstrapServers().orElse(KafkaSettings.DEFAULT_BOOTSTRAP);
    TuningProfile chosen =
        profile != null
            ? TuningProfile.fromCliName(profile)
            : file.profile().orElse(TuningProfile.BALANCED);
    List<KafkaOverride> overrides = new ArrayList<>(file.kafkaOverrides());
    for (String prop : kafkaProps) {
      overrides.add(KafkaOverride.parse(prop, "--kafka-prop"));
    }
    return new KafkaSettings(servers, chosen, overrides);
  }

  /** The topic catalog with the config file's changes. */
  public TopicCatalog catalog() {
    return configFile().applyTo(TopicCatalog.defaults());
  }

  /**
   * Makes {@code servers} (an embedded broker this command started) the cluster every client uses.
   */
  void useCluster(String servers) {
    bootstrapServers = servers;
  }

  /** Whether the user named a cluster, on the command line or in the config file. */
  public boolean clusterGiven() {
    return bootstrapServers != null || configFile().bootstrapServers().isPresent();
  }
}
