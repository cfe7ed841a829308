package io.streamsentinel.config;

import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.KafkaOverride;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TuningProfile;
import io.streamsentinel.secrets.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of a command's configuration, resolved once from the config file and the flags
 * (the flags win) and immutable after.
 *
 * @param settings the cluster and how clients talk to it
 * @param clusterGiven whether the user named a cluster (else the command may start an embedded
 *     broker)
 * @param catalog the topic catalog with the file's changes
 * @param limits the bounds on input transactions
 */
public record KafkaConfig(
    KafkaSettings settings, boolean clusterGiven, TopicCatalog catalog, TransactionLimits limits) {

  private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

  public KafkaConfig {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * Resolves the configuration and logs it once, secrets masked.
   *
   * @param file the config file, or {@link ConfigFile#empty()}
   * @param bootstrapServers {@code --bootstrap-servers}; null when not given
   * @param profile {@code --profile}; null when not given
   * @param kafkaProps {@code --kafka-prop} values, in order
   * @throws IllegalArgumentException naming the option of a bad value
   */
  public static KafkaConfig resolve(
      ConfigFile file, String bootstrapServers, String profile, List<String> kafkaProps) {
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
    KafkaConfig config =
        new KafkaConfig(
            new KafkaSettings(servers, chosen, overrides),
            bootstrapServers != null || file.bootstrapServers().isPresent(),
            file.applyTo(TopicCatalog.defaults()),
            file.transactionLimits());
    log.info("Effective Kafka configuration: {}", config.describe());
    return config;
  }

  /** This configuration on another cluster: the embedded broker the command started. */
  public KafkaConfig onCluster(String bootstrapServers) {
    return new KafkaConfig(
        settings.withBootstrapServers(bootstrapServers), clusterGiven, catalog, limits);
  }

  /**
   * This configuration with {@code first} applied before the user's own overrides (which still
   * win): e.g. a component's credentials on a secure cluster.
   */
  public KafkaConfig withOverridesFirst(List<KafkaOverride> first) {
    List<KafkaOverride> all = new ArrayList<>(first);
    all.addAll(settings.overrides());
    return new KafkaConfig(
        new KafkaSettings(settings.bootstrapServers(), settings.profile(), all),
        clusterGiven,
        catalog,
        limits);
  }

  /** The factory of every client's configuration. */
  public ClientConfigFactory clients() {
    return new ClientConfigFactory(settings);
  }

  /** One line for the log: every value that shapes a client, secrets masked. */
  public String describe() {
    StringJoiner line = new StringJoiner(", ");
    line.add("bootstrap.servers=" + settings.bootstrapServers());
    line.add("profile=" + settings.profile().cliName());
    for (KafkaOverride o : settings.overrides()) {
      String scope =
          o.scope() == KafkaOverride.Scope.ALL ? "" : o.scope().name().toLowerCase(Locale.ROOT);
      line.add(
          (scope.isEmpty() ? "" : scope + ".")
              + o.key()
              + "="
              + Secrets.shown(o.key(), o.value())
              + " ("
              + o.source()
              + ")");
    }
    line.add("limits.max-amount=" + limits.maxAmount().toPlainString());
    line.add("limits.max-record-bytes=" + limits.maxRecordBytes());
    line.add("limits.max-text-chars=" + limits.maxTextChars());
    line.add("limits.max-event-age=" + Durations.format(limits.maxEventAge()));
    line.add("limits.max-event-lead=" + Durations.format(limits.maxEventLead()));
    return line.toString();
  }
}
