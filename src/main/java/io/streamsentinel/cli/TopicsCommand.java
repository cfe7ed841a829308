package io.streamsentinel.cli;

import io.streamsentinel.config.Durations;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicProvisioner;
import io.streamsentinel.kafka.TopicSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sentinel topics create|list|describe}: the topic catalog against a real cluster. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = "Creates and inspects the system's topics (see the catalog in the README).",
    subcommands = {
      TopicsCommand.Create.class,
      TopicsCommand.ListTopics.class,
      TopicsCommand.Describe.class
    })
final class TopicsCommand {

  /** Keys shown by describe even when they hold the broker default. */
  private static final Set<String> KEY_CONFIGS =
      Set.of(
          "cleanup.policy",
          "retention.ms",
          "compression.type",
          "min.insync.replicas",
          "max.message.bytes");

  private static Admin admin(KafkaConfig kafka) {
    return Admin.create(kafka.clients().admin(ClientCatalog.TOPICS).toProperties());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Creates every catalog topic that does not exist yet, with replication factor min(3, brokers).",
        "Idempotent. An existing topic whose partition count or cleanup policy differs from the catalog is reported"
            + " and the command exits with code 3."
      })
  static final class Create implements Callable<Integer> {
    private final CliContext context;
    @Mixin KafkaOptions kafka;

    Create(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
      Topics.ensure(context, kafka.config(), true);
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Lists the catalog's topics with their settings and whether they exist in the cluster.")
  static final class ListTopics implements Callable<Integer> {
    private final CliContext context;
    @Mixin KafkaOptions kafka;

    ListTopics(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws Exception {
      KafkaConfig config = kafka.config();
      try (Admin admin = admin(config)) {
        Set<String> existing = new TreeSet<>(admin.listTopics().names().get());
        TopicCatalog catalog = config.catalog();
        PrintWriter out = context.out();
        out.printf(
            "%-28s %5s %9s %-11s %-15s %-8s %s%n",
            "TOPIC", "PARTS", "RETENTION", "COMPRESSION", "CLEANUP", "STATUS", "PURPOSE");
        for (TopicSpec t : catalog.topics()) {
          out.printf(
              "%-28s %5d %9s %-11s %-15s %-8s %s%n",
              t.name(),
              t.partitions(),
              Durations.format(t.retention()),
              t.compressionConfig(),
              t.cleanupPolicy(),
              existing.contains(t.name()) ? "exists" : "missing",
              t.purpose());
        }
        existing.removeAll(catalog.names());
        existing.forEach(name -> out.println(name + "  (in the cluster, not in the catalog)"));
        return 0;
      }
    }
  }

  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      description = {
        "Shows partitions, leaders, replicas, ISR and the effective configs of topics, and checks their"
            + " replication: the catalog's topics and the detector's internal (changelog and repartition)"
            + " topics should have min(3, brokers) replicas and min.insync.replicas 2 at 3 replicas.",
        "Exit code 1 when a topic is missing, 3 when a topic's replication differs (each named on stderr)."
      })
  static final class Describe implements Callable<Integer> {
    private final CliContext context;
    @Mixin KafkaOptions kafka;

    @Parameters(
        paramLabel = "TOPIC",
        arity = "0..*",
        description =
            "Topics to describe (default: the catalog's and the detector's internal topics).")
    List<String> topics = new ArrayList<>();

    Describe(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws Exception {
      KafkaConfig config = kafka.config();
      try (Admin admin = admin(config)) {
        Set<String> existing = admin.listTopics().names().get();
        List<String> names = new ArrayList<>(topics);
        if (names.isEmpty()) {
          names.addAll(config.catalog().names());
          existing.stream().filter(Describe::isDetectorInternal).sorted().forEach(names::add);
        }
        List<String> missing = names.stream().filter(n -> !existing.contains(n)).toList();
        missing.forEach(
            n -> context.err().println(n + ": does not exist (run: sentinel topics create)"));
        List<String> present = names.stream().filter(existing::contains).toList();
        List<String> differences = List.of();
        if (!present.isEmpty()) {
          TopicProvisioner provisioner = new TopicProvisioner(admin);
          Map<String, TopicDescription> descriptions = provisioner.describe(present);
          Map<ConfigResource, Config> configs = provisioner.configs(present);
          print(descriptions, configs, present);
          differences =
              replicationDifferences(provisioner.brokerCount(), descriptions, configs, present);
          differences.forEach(d -> context.err().println("REPLICATION " + d));
        }
        return !missing.isEmpty() ? 1 : differences.isEmpty() ? 0 : Topics.MISMATCH;
      }
    }

    /** Changelog and repartition topics Kafka Streams created for the detector. */
    private static boolean isDetectorInternal(String topic) {
      return topic.startsWith(ClientCatalog.DETECTOR_GROUP + "-")
          && (topic.endsWith("-changelog") || topic.endsWith("-repartition"));
    }

    /**
     * Each topic with fewer replicas than a cluster of this many live brokers gives, a minimum
     * in-sync count other than its replication factor's, or partitions out of sync, in words.
     */
    static List<String> replicationDifferences(
        int brokers,
        Map<String, TopicDescription> descriptions,
        Map<ConfigResource, Config> configs,
        List<String> names) {
      short rf = TopicSpec.replicationFactor(brokers);
      List<String> differences = new ArrayList<>();
      for (String name : names) {
        TopicDescription d = descriptions.get(name);
        short replicas =
            (short) d.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
        if (replicas < rf) {
          differences.add(
              String.format(
                  "%s: replication factor is %d but a cluster of %d brokers gives %d"
                      + " (reassign its partitions or recreate it)",
                  name, replicas, brokers, rf));
        }
        int minIsr = TopicSpec.minInsyncReplicas(replicas);
        ConfigEntry isr =
            configs
                .get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        if (isr != null && !String.valueOf(minIsr).equals(isr.value())) {
          differences.add(
              String.format(
                  "%s: min.insync.replicas is %s but should be %d at replication factor %d",
                  name, isr.value(), minIsr, replicas));
        }
        d.partitions().stream()
            .filter(p -> p.isr().size() < p.replicas().size())
            .forEach(
                p ->
                    differences.add(
                        String.format(
                            "%s-%d: under-replicated, in sync %s of replicas %s",
                            name, p.partition(), ids(p.isr()), ids(p.replicas()))));
      }
      return differences;
    }

    private void print(
        Map<String, TopicDescription> descriptions,
        Map<ConfigResource, Config> configs,
        List<String> names) {
      PrintWriter out = context.out();
      for (String name : names) {
        TopicDescription d = descriptions.get(name);
        out.printf(
            "%s  partitions=%d  replication=%d  id=%s%n",
            name, d.partitions().size(), d.partitions().get(0).replicas().size(), d.topicId());
        for (TopicPartitionInfo p : d.partitions()) {
          out.printf(
              "  partition %-3d leader=%-4s replicas=%s isr=%s%n",
              p.partition(),
              p.leader() == null ? "none" : p.leader().idString(),
              ids(p.replicas()),
              ids(p.isr()));
        }
        out.println("  configs:");
        for (ConfigEntry e :
            configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).entries()) {
          if (KEY_CONFIGS.contains(e.name())
              || e.source() != ConfigEntry.ConfigSource.DEFAULT_CONFIG) {
            out.printf("    %-28s %-20s (%s)%n", e.name(), e.value(), describeSource(e.source()));
          }
        }
      }
    }

    private static String ids(List<Node> nodes) {
      return nodes.stream().map(Node::idString).toList().toString();
    }

    private static String describeSource(ConfigEntry.ConfigSource source) {
      return source == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
          ? "topic"
          : source.name().toLowerCase();
    }
  }
}
