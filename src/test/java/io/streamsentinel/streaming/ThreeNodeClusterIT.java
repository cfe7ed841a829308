package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.config.ConfigFile;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KraftQuorum;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three broker nodes formed into one KRaft cluster by their shared controller quorum: the catalog's
 * topics and the detector's internal topics get three replicas and min.insync.replicas 2, and
 * {@code topics describe} names a topic that has fewer copies or partitions out of sync. The
 * cluster is secure ({@code --secure --ca-dir}): the nodes share one CA and replicate over mutual
 * TLS, and every client authenticates as the admin the first node made.
 */
class ThreeNodeClusterIT {

  private static final int EVENTS = 600;

  @TempDir Path dir;

  private final List<EmbeddedKafkaBroker> nodes = new ArrayList<>();
  private String bootstrap;
  private Path adminSettings;

  @BeforeEach
  void startThreeNodes() {
    String voters =
        IntStream.rangeClosed(1, 3)
            .mapToObj(id -> id + "@localhost:" + freePort())
            .collect(Collectors.joining(","));
    for (int id = 1; id <= 3; id++) {
      nodes.add(
          new EmbeddedKafkaBroker(
              new BrokerSettings(
                  "localhost",
                  0,
                  dir.resolve("node-" + id),
                  false,
                  KraftQuorum.parse(id, voters, null),
                  true,
                  dir.resolve("ca"))));
    }
    // Each node waits for a majority of the quorum, so they start together.
    CompletableFuture.allOf(
            nodes.stream()
                .map(n -> CompletableFuture.runAsync(n::start))
                .toArray(CompletableFuture[]::new))
        .join();
    bootstrap =
        nodes.stream().map(EmbeddedKafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    adminSettings = nodes.get(0).adminSettings();
  }

  /**
   * Together: a node stopped last, once the others are gone, has no controller quorum left to
   * approve its controlled shutdown and waits for Kafka's five-minute shutdown timeout.
   */
  @AfterEach
  void stopNodes() {
    CompletableFuture.allOf(
            nodes.stream()
                .map(n -> CompletableFuture.runAsync(n::close))
                .toArray(CompletableFuture[]::new))
        .join();
  }

  @Test
  void everyTopicShouldHaveThreeCopiesAndDescribeShouldNameWhatFallsShort() throws Exception {
    assertThat(nodes).allSatisfy(n -> assertThat(n.brokerCount()).isEqualTo(3));
    cli("topics", "create");
    scoreSome();

    CliRunner healthy = new CliRunner();
    assertThat(healthy.run(withCluster("topics", "describe"))).as(healthy.err()).isZero();
    assertThat(healthy.out())
        .contains("synthetic-transactions  partitions=12  replication=3")
        .contains("fraud-alerts  partitions=6  replication=3")
        .containsPattern(
            ClientCatalog.DETECTOR_GROUP + "-\\S+-changelog  partitions=12  replication=3")
        .containsPattern("min.insync.replicas\\s+2\\s")
        .doesNotContainPattern("min.insync.replicas\\s+1\\s");

    try (Admin admin = Admin.create(clients().admin("test").toProperties())) {
      admin.createTopics(List.of(new NewTopic("one-copy", 1, (short) 1))).all().get();
    }
    CliRunner oneCopy = new CliRunner();
    assertThat(oneCopy.run(withCluster("topics", "describe", "one-copy"))).isEqualTo(3);
    assertThat(oneCopy.err())
        .contains(
            "REPLICATION one-copy: replication factor is 1 but a cluster of 3 brokers gives 3");

    nodes.get(2).close();
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              CliRunner degraded = new CliRunner();
              assertThat(degraded.run(withCluster("topics", "describe", "synthetic-transactions")))
                  .isEqualTo(3);
              assertThat(degraded.err())
                  .containsPattern("REPLICATION synthetic-transactions-\\d+: under-replicated")
                  .doesNotContain("replication factor is");
            });
  }

  /** The detector creates its internal topics and scores with them. */
  private void scoreSome() {
    try (DetectorService detector =
        new DetectorService(
                clients()
                    .streams(
                        new StreamsSettings(
                            ClientCatalog.DETECTOR_GROUP,
                            StreamsSettings.Guarantee.EXACTLY_ONCE,
                            1,
                            dir.resolve("streams"),
                            DetectorSettings.DLQ_TOPIC)),
                DetectorSettings.defaults(RuleSetCodec.loadDefault()))
            .start()) {
      cli("generate", "--count", String.valueOf(EVENTS), "--tps", "max", "--users", "50");
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .failFast("the detector stopped", () -> !detector.isAlive())
          .until(() -> CommittedTopics.decisions(clients()) >= EVENTS);
    }
  }

  /** The admin's clients, on every node. */
  private ClientConfigFactory clients() {
    return KafkaConfig.resolve(ConfigFile.load(adminSettings), bootstrap, null, List.of())
        .clients();
  }

  private void cli(String... args) {
    CliRunner run = new CliRunner();
    assertThat(run.run(withCluster(args))).as(run.out() + run.err()).isZero();
  }

  /** A command's arguments, reaching every node as the admin. */
  private String[] withCluster(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-b", bootstrap, "--config", adminSettings.toString()));
    return all.toArray(String[]::new);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
