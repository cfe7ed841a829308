package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchReport;
import io.streamsentinel.bench.Machine;
import io.streamsentinel.config.DataDirs;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicProvisioner;
import io.streamsentinel.kafka.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What every {@code bench} scenario runs in: a fresh embedded broker in a work folder under ./data
 * (unless the user named a cluster), the catalog's topics, the client factory, and the closing
 * report. Closing it stops the broker and deletes the work folder.
 */
final class BenchEnvironment implements AutoCloseable {

  private final CliContext context;
  private final KafkaOptions kafka;
  private final Path work;
  private EmbeddedKafkaBroker broker;
  private ClientConfigFactory clients;

  private BenchEnvironment(CliContext context, KafkaOptions kafka, Path work) {
    this.context = context;
    this.kafka = kafka;
    this.work = work;
  }

  /**
   * Starts the broker if needed and creates the catalog's topics.
   *
   * @return the environment, or null after printing why the cluster's topics do not fit (the exit
   *     code is then {@link Topics#MISMATCH})
   */
  static BenchEnvironment start(CliContext context, KafkaOptions kafka) throws Exception {
    // Under ./data, not the OS temp folder, which the OS may clean under a running Streams state
    // directory.
    Files.createDirectories(Path.of("data"));
    BenchEnvironment env =
        new BenchEnvironment(context, kafka, Files.createTempDirectory(Path.of("data"), "bench-"));
    try {
      if (!kafka.clusterGiven()) {
        env.broker =
            new EmbeddedKafkaBroker(
                    new BrokerSettings("localhost", 0, env.work.resolve("kafka"), true))
                .start();
        kafka.useCluster(env.broker.bootstrapServers());
      }
      if (Topics.ensure(context, kafka) != null) {
        env.close();
        return null;
      }
      env.clients = new ClientConfigFactory(kafka.kafkaSettings());
      return env;
    } catch (Exception | Error e) {
      env.close();
      throw e;
    }
  }

  ClientConfigFactory clients() {
    return clients;
  }

  KafkaOptions kafka() {
    return kafka;
  }

  /** A fresh folder for one run's state; deleted with the environment. */
  Path stateDir(String name) {
    return work.resolve(name);
  }

  /** Prints a line of progress or figures. */
  Consumer<String> out() {
    return context.out()::println;
  }

  /** Creates a topic with the same partitions and settings as a catalog topic. */
  void createLike(String catalogTopic, String name) throws Exception {
    TopicSpec spec = kafka.catalog().topic(catalogTopic);
    try (Admin admin = Admin.create(clients.admin("sentinel-bench").toProperties())) {
      NewTopic topic =
          new NewTopic(name, spec.partitions(), (short) 1).configs(spec.configs((short) 1));
      admin.createTopics(List.of(topic)).all().get();
      new TopicProvisioner(admin).awaitLeaders(List.of(name));
    }
  }

  /**
   * Commits a consumer group's offsets at the current end of every partition of a catalog topic, so
   * an application started under that group id reads only what is sent afterwards.
   */
  void commitGroupAtEnd(String groupId, String catalogTopic) throws Exception {
    try (Admin admin = Admin.create(clients.admin("sentinel-bench").toProperties())) {
      Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
      for (int p = 0; p < partitions(catalogTopic); p++) {
        latest.put(new TopicPartition(catalogTopic, p), OffsetSpec.latest());
      }
      Map<TopicPartition, OffsetAndMetadata> ends = new LinkedHashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
      admin.alterConsumerGroupOffsets(groupId, ends).all().get();
    }
  }

  int partitions(String catalogTopic) {
    return kafka.catalog().topic(catalogTopic).partitions();
  }

  /** Puts the settings every scenario shares into the report, prints it, writes the JSON. */
  void finish(BenchReport report, Path json) throws Exception {
    Machine machine = Machine.current();
    report
        .config("profile", kafka.kafkaSettings().profile().cliName())
        .config(
            "broker",
            broker != null ? "embedded, same JVM" : kafka.kafkaSettings().bootstrapServers())
        .config(TopicCatalog.TRANSACTIONS + ".partitions", partitions(TopicCatalog.TRANSACTIONS));
    context.out().printf(Locale.ROOT, "Machine: %s%n", machine.line());
    if (json != null) {
      report.write(json, machine);
      context.out().println("Written to " + json);
    }
  }

  @Override
  public void close() throws Exception {
    if (broker != null) {
      broker.close();
      kafka.useCluster(null); // the next environment of this command starts its own broker again
    }
    DataDirs.deleteRecursively(work);
  }
}
