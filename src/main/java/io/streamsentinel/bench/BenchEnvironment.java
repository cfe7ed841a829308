package io.streamsentinel.bench;

import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicMismatchException;
import io.streamsentinel.kafka.TopicProvisioner;
import io.streamsentinel.kafka.TopicSpec;
import io.streamsentinel.runtime.ShutdownSignal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What every {@code bench} scenario runs in: a fresh embedded broker in a work folder under ./data
 * (unless the user named a cluster), the catalog's topics, the client factory, and the closing
 * report. Closing it stops the broker and deletes the work folder.
 */
public final class BenchEnvironment implements AutoCloseable {

  private final Consumer<String> out;
  private final ShutdownSignal shutdown;
  private final Path work;
  private KafkaConfig kafka;
  private EmbeddedKafkaBroker broker;
  private ClientConfigFactory clients;

  private BenchEnvironment(
      KafkaConfig kafka, Consumer<String> out, ShutdownSignal shutdown, Path work) {
    this.kafka = kafka;
    this.out = out;
    this.shutdown = shutdown;
    this.work = work;
  }

  /**
   * Starts the broker if needed and creates the catalog's topics.
   *
   * @param out where progress and figures are printed
   * @throws TopicMismatchException when the cluster's topics do not fit the catalog
   */
  public static BenchEnvironment start(
      KafkaConfig kafka, Consumer<String> out, ShutdownSignal shutdown) throws Exception {
    // Under ./data, not the OS temp folder, which the OS may clean under a running Streams state
    // directory.
    Files.createDirectories(Path.of("data"));
    BenchEnvironment env =
        new BenchEnvironment(
            kafka, out, shutdown, Files.createTempDirectory(Path.of("data"), "bench-"));
    try {
      if (!kafka.clusterGiven()) {
        env.broker =
            new EmbeddedKafkaBroker(
                    new BrokerSettings("localhost", 0, env.work.resolve("kafka"), true))
                .start();
        env.kafka = kafka.onCluster(env.broker.bootstrapServers());
      }
      env.clients = env.kafka.clients();
      try (Admin admin = Admin.create(env.clients.admin(ClientCatalog.TOPICS).toProperties())) {
        TopicProvisioner.Report report =
            new TopicProvisioner(admin).ensure(env.kafka.catalog()).requireMatch();
        if (!report.created().isEmpty()) {
          out.accept("Created topics: " + String.join(", ", report.created()));
        }
        // On an existing cluster: the figures include the broker's recompression there.
        report.codecs().forEach(m -> out.accept("Note: " + TopicProvisioner.codecAdvice(m)));
      }
      return env;
    } catch (Exception | Error e) {
      env.close();
      throw e;
    }
  }

  public ClientConfigFactory clients() {
    return clients;
  }

  /** The configuration, on the cluster the benchmark runs on. */
  public KafkaConfig kafka() {
    return kafka;
  }

  /**
   * The commit interval of a Streams stage under each of {@code guarantees} here, for a report's
   * configuration: under exactly_once_v2 the profile's or the user's, under at_least_once the
   * user's or Kafka Streams' own 30 s.
   */
  public String commitIntervals(List<Guarantee> guarantees) {
    StringBuilder s = new StringBuilder();
    for (Guarantee g : guarantees) {
      String interval =
          clients
              .streams(new StreamsSettings("commit-interval", g, 1, work, null))
              .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
      s.append(s.isEmpty() ? "" : ", ")
          .append(interval == null ? "30 s (Kafka Streams' default)" : interval + " ms")
          .append(' ')
          .append(g.config());
    }
    return s.toString();
  }

  /** Ctrl-C, which stops a long pre-load. */
  public ShutdownSignal shutdown() {
    return shutdown;
  }

  /** A fresh folder for one run's state; deleted with the environment. */
  public Path stateDir(String name) {
    return work.resolve(name);
  }

  /** Prints a line of progress or figures. */
  public Consumer<String> out() {
    return out;
  }

  /**
   * Creates a topic with the same partitions and settings as a catalog topic; one already there (an
   * earlier bench on the same cluster made it) is used when it has as many partitions.
   *
   * @throws IllegalStateException naming the topic when one already there has other partitions
   */
  public void createLike(String catalogTopic, String name) throws Exception {
    TopicSpec spec = kafka.catalog().topic(catalogTopic);
    try (Admin admin = Admin.create(clients.admin(ClientCatalog.BENCH).toProperties())) {
      NewTopic topic =
          new NewTopic(name, spec.partitions(), (short) 1).configs(spec.configs((short) 1));
      try {
        admin.createTopics(List.of(topic)).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        int existing =
            admin.describeTopics(List.of(name)).allTopicNames().get().get(name).partitions().size();
        if (existing != spec.partitions()) {
          throw new IllegalStateException(
              String.format(
                  Locale.ROOT,
                  "topic %s already exists with %d partitions, not the %d of %s: delete it, or use"
                      + " a fresh cluster",
                  name,
                  existing,
                  spec.partitions(),
                  catalogTopic));
        }
      }
      new TopicProvisioner(admin).awaitLeaders(List.of(name));
    }
  }

  /**
   * Commits a consumer group's offsets at the current end of every partition of a catalog topic, so
   * an application started under that group id reads only what is sent afterwards.
   */
  public void commitGroupAtEnd(String groupId, String catalogTopic) throws Exception {
    try (Admin admin = Admin.create(clients.admin(ClientCatalog.BENCH).toProperties())) {
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

  public int partitions(String catalogTopic) {
    return kafka.catalog().topic(catalogTopic).partitions();
  }

  /** Puts the settings every scenario shares into the report, prints it, writes the JSON. */
  public void finish(BenchReport report, Path json) throws Exception {
    Machine machine = Machine.current();
    report
        .config("profile", kafka.settings().profile().cliName())
        .config(
            "broker", broker != null ? "embedded, same JVM" : kafka.settings().bootstrapServers())
        .config(TopicCatalog.TRANSACTIONS + ".partitions", partitions(TopicCatalog.TRANSACTIONS));
    out.accept(String.format(Locale.ROOT, "Machine: %s", machine.line()));
    if (json != null) {
      report.write(json, machine);
      out.accept("Written to " + json);
    }
  }

  @Override
  public void close() throws Exception {
    if (broker != null) {
      broker.close();
    }
    Utils.delete(work.toFile());
  }
}
