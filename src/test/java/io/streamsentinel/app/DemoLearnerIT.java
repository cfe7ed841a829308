package io.streamsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.registry.ModelRegistry;
import io.streamsentinel.registry.ModelStatus;
import io.streamsentinel.registry.ModelVersion;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's learning loop on a real broker: it waits while labels are few, trains once decisions
 * have matured, promotes a model that beats the rules, and then leaves the registry alone.
 */
class DemoLearnerIT {

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;

  @BeforeEach
  void startBroker() {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  private ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  private void generate(int count, long seed, String start, boolean labels) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate",
                "-b",
                broker.bootstrapServers(),
                "--count",
                String.valueOf(count),
                "--tps",
                "max",
                "--users",
                "2000",
                "--seed",
                String.valueOf(seed),
                "--start",
                start));
    if (labels) {
      args.add("--labels");
    }
    CliRunner cli = new CliRunner();
    assertThat(cli.run(args.toArray(String[]::new))).as(cli.err()).isZero();
  }

  @Test
  void shouldWaitForMaturedLabelsThenTrainAndPromoteOnce() throws Exception {
    List<String> said = new ArrayList<>();
    DemoLearner learner = new DemoLearner(clients(), 0.5, said::add);

    generate(2_000, 5, "2026-01-01T00:00:00Z", false);
    learner.tryOnce();
    assertThat(learner.state()).startsWith("waiting for labels (0 of");

    generate(100_000, 6, "2026-01-02T00:00:00Z", true); // another seed: other transaction ids
    try (DetectorService detector =
        new DetectorService(
                clients()
                    .streams(
                        new StreamsSettings(
                            ClientCatalog.DETECTOR_GROUP,
                            StreamsSettings.Guarantee.AT_LEAST_ONCE,
                            1,
                            dir.resolve("streams"),
                            DetectorSettings.DLQ_TOPIC)),
                DetectorSettings.defaults(RuleSetCodec.loadDefault()))
            .start()) {
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> CommittedTopics.decisions(clients()) >= 102_000);
    }

    learner.tryOnce();

    ModelRegistry registry = new ModelRegistry(clients(), Clock.systemUTC());
    List<ModelVersion> versions = registry.list();
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0).status()).isEqualTo(ModelStatus.CHAMPION);
    assertThat(versions.get(0).labelCounts().get("training_legit"))
        .as("matured decisions count as legitimate")
        .isGreaterThan(20 * versions.get(0).labelCounts().get("training_fraud"));
    assertThat(learner.state()).isEqualTo("model v1 in force");
    assertThat(said).singleElement().asString().contains("model v1 trained and promoted");

    learner.tryOnce();
    assertThat(registry.list()).hasSize(1);
    learner.close();
  }
}
