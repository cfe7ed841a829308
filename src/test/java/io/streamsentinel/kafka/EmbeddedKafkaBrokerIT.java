package io.streamsentinel.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process broker is a real Kafka broker: topics, configs, data on disk, restarts and clean
 * shutdown.
 */
class EmbeddedKafkaBrokerIT {

  @TempDir Path dir;

  private EmbeddedKafkaBroker start(Path data, boolean fresh) {
    return new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, data, fresh)).start();
  }

  @Test
  void shouldCreateTheCatalogTopicsWithTheirConfigsAndBeIdempotent() throws Exception {
    try (EmbeddedKafkaBroker broker = start(dir, false);
        Admin admin = KafkaTestSupport.admin(broker)) {
      TopicCatalog catalog = TopicCatalog.defaults();
      TopicProvisioner provisioner = new TopicProvisioner(admin);

      TopicProvisioner.Report first = provisioner.ensure(catalog);
      TopicProvisioner.Report second = provisioner.ensure(catalog);

      assertThat(first.created()).containsExactlyElementsOf(catalog.names());
      assertThat(second.created()).isEmpty();
      assertThat(second.alreadyPresent()).containsExactlyElementsOf(catalog.names());
      assertThat(second.ok()).isTrue();
      Map<String, TopicDescription> descriptions = provisioner.describe(catalog.names());
      Map<ConfigResource, Config> configs = provisioner.configs(catalog.names());
      for (TopicSpec spec : catalog.topics()) {
        assertThat(descriptions.get(spec.name()).partitions()).hasSize(spec.partitions());
        assertThat(descriptions.get(spec.name()).partitions().get(0).replicas()).hasSize(1);
        Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
        spec.configs((short) 1)
            .forEach(
                (key, value) ->
                    assertThat(config.get(key).value())
                        .as(spec.name() + " " + key)
                        .isEqualTo(value));
      }
    }
  }

  @Test
  void shouldReportATopicWhosePartitionsCleanupPolicyOrCodecDifferFromTheCatalog()
      throws Exception {
    try (EmbeddedKafkaBroker broker = start(dir, false);
        Admin admin = KafkaTestSupport.admin(broker)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(TopicCatalog.TRANSACTIONS, 3, (short) 1),
                  new NewTopic(TopicCatalog.ACCOUNT_STATUS, 3, (short) 1)
                      .configs(Map.of("cleanup.policy", "delete")),
                  // As an earlier build created it: lz4 where the catalog now says snappy.
                  new NewTopic(TopicCatalog.FRAUD_SCORES, 12, (short) 1)
                      .configs(Map.of("compression.type", "lz4"))))
          .all()
          .get();

      TopicProvisioner.Report report = new TopicProvisioner(admin).ensure(TopicCatalog.defaults());

      assertThat(report.ok()).isFalse();
      assertThat(report.mismatches())
          .containsExactlyInAnyOrder(
              new TopicProvisioner.Mismatch(TopicCatalog.TRANSACTIONS, "partitions", "12", "3"),
              new TopicProvisioner.Mismatch(
                  TopicCatalog.ACCOUNT_STATUS, "cleanup.policy", "compact", "delete"));
      assertThat(report.mismatches().get(0).toString())
          .contains("partitions is 3 but the catalog says 12");
      // Another codec is not an error, but it is reported with what it costs and the way out.
      assertThat(report.codecs())
          .containsExactlyInAnyOrder(
              new TopicProvisioner.Mismatch(
                  TopicCatalog.TRANSACTIONS, "compression.type", "snappy", "producer"),
              new TopicProvisioner.Mismatch(
                  TopicCatalog.FRAUD_SCORES, "compression.type", "snappy", "lz4"));
      assertThat(
              TopicProvisioner.codecAdvice(
                  new TopicProvisioner.Mismatch(
                      TopicCatalog.FRAUD_SCORES, "compression.type", "snappy", "lz4")))
          .contains("compression.type is lz4 but the catalog says snappy")
          .contains("the broker recompresses every batch sent in snappy")
          .contains("--entity-name fraud-scores --add-config compression.type=snappy");
      // A catalog that keeps what producers send (a config file's "producer") costs the others.
      assertThat(
              TopicProvisioner.codecAdvice(
                  new TopicProvisioner.Mismatch(
                      TopicCatalog.FRAUD_SCORES, "compression.type", "producer", "lz4")))
          .contains("the broker recompresses every batch not sent in lz4");
    }
  }

  @Test
  void shouldKeepItsDataAcrossARestartUnlessFresh() throws Exception {
    String topic = "restart-check";
    try (EmbeddedKafkaBroker broker = start(dir, false);
        Admin admin = KafkaTestSupport.admin(broker);
        KafkaProducer<String, String> producer = KafkaTestSupport.producer(broker)) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
      }
    }
    try (EmbeddedKafkaBroker broker = start(dir, false)) {
      List<ConsumerRecord<String, String>> records = KafkaTestSupport.readAll(broker, topic, 10);
      assertThat(records)
          .extracting(ConsumerRecord::value)
          .containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");
    }
    try (EmbeddedKafkaBroker broker = start(dir, true);
        Admin admin = KafkaTestSupport.admin(broker)) {
      assertThat(admin.listTopics().names().get()).doesNotContain(topic);
    }
  }

  @Test
  void shouldRefuseAPortInUseNamingThePortAndTheFlag() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("localhost"), 0));
      int port = taken.getLocalPort();
      EmbeddedKafkaBroker broker =
          new EmbeddedKafkaBroker(new BrokerSettings("localhost", port, dir, false));

      assertThatThrownBy(broker::start)
          .isInstanceOf(PortInUseException.class)
          .hasMessage("port " + port + " is already in use; choose another with --port");
    }
  }

  /**
   * A port the broker picked as free can be taken by another process before Kafka binds it (two
   * builds' brokers, any client's outgoing connection); the broker then picks again.
   */
  @Test
  void shouldPickAgainWhenAPortItPickedIsTakenBeforeKafkaBindsIt() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("localhost"), 0));
      int busy = taken.getLocalPort();
      AtomicInteger picks = new AtomicInteger();
      IntSupplier racedFirst =
          () -> picks.getAndIncrement() == 0 ? busy : EmbeddedKafkaBroker.freePort();

      try (EmbeddedKafkaBroker broker =
              new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir, false), racedFirst)
                  .start();
          Admin admin = KafkaTestSupport.admin(broker)) {
        assertThat(broker.bootstrapServers()).startsWith("localhost:").doesNotEndWith(":" + busy);
        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        assertThat(picks.get()).as("ports picked: two per attempt").isEqualTo(4);
      }
    }
  }

  @Test
  void shouldLeaveNoThreadsBehindWhenClosed() throws Exception {
    Set<String> before = liveThreadNames();
    try (EmbeddedKafkaBroker broker = start(dir, false);
        Admin admin = KafkaTestSupport.admin(broker)) {
      new TopicProvisioner(admin).ensure(TopicCatalog.defaults());
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(strayThreads(before)).isEmpty());
  }

  private static Set<String> liveThreadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }

  /** Threads started since {@code before}, less the JVM's own pools that outlive any one user. */
  private static Set<String> strayThreads(Set<String> before) {
    return liveThreadNames().stream()
        .filter(name -> !before.contains(name))
        .filter(
            name ->
                !name.startsWith("ForkJoinPool")
                    && !name.startsWith("process reaper")
                    && !name.equals("Attach Listener")
                    && !name.startsWith("awaitility"))
        .collect(Collectors.toSet());
  }
}
