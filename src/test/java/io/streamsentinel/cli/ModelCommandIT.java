package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.learning.SyntheticModels;
import io.streamsentinel.learning.TrainedModel;
import io.streamsentinel.registry.ModelRegistry;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model commands' answers and refusals, on a real broker. */
class ModelCommandIT {

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

  private CliRunner run(int expectedExit, String... args) {
    CliRunner cli = new CliRunner();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "-b";
    all[args.length + 1] = broker.bootstrapServers();
    int code = cli.run(all);
    assertThat(code).as(cli.out() + cli.err()).isEqualTo(expectedExit);
    return cli;
  }

  private void register() {
    TrainedModel m = SyntheticModels.small();
    new ModelRegistry(
            new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers())), Clock.systemUTC())
        .register(
            new ModelRegistry.Registration(
                m.bytes(),
                m.library(),
                m.inputs().names(),
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"),
                Map.of("training_fraud", 100L),
                Map.of(),
                m.parameters()));
  }

  @Test
  void anEmptyRegistryShouldSaySoAndTrainingWithoutLabelsShouldRegisterNothing() {
    assertThat(run(0, "model", "list").out()).contains("No model registered yet");
    assertThat(run(0, "model", "list", "--json").out().trim()).isEqualTo("[ ]");

    CliRunner train = run(2, "model", "train");
    assertThat(train.err())
        .contains("too few labels to train: 0 fraud and 0 legitimate")
        .contains("nothing registered");

    assertThat(run(2, "model", "show", "v1").err()).contains("no model is registered yet");
    assertThat(run(2, "model", "promote", "latest").err()).contains("no model is registered yet");
    assertThat(
            run(
                    2,
                    "model",
                    "train",
                    "--since",
                    "2026-02-01T00:00:00Z",
                    "--until",
                    "2026-01-01T00:00:00Z")
                .err())
        .contains("is not before --until");
  }

  @Test
  void watchShouldKeepGoingAfterARunWithTooFewLabelsUntilStopped() throws Exception {
    CliRunner watch = new CliRunner();
    java.util.concurrent.CompletableFuture<Integer> code =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                watch.run(
                    "model",
                    "train",
                    "--watch",
                    "--every",
                    "1h",
                    "--every-labels",
                    "10",
                    "-b",
                    broker.bootstrapServers()));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> watch.out().contains("Next training in PT1H, or after 10 new label records"));
    assertThat(watch.out()).contains("Training: first run");
    assertThat(watch.err()).contains("too few labels to train");
    assertThat(code).isNotDone();
    watch.shutdown.request();
    assertThat(code.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();

    assertThat(run(2, "model", "train", "--watch", "--every", "0s").err())
        .contains("--every must be positive");
  }

  @Test
  void theChampionShouldNotBeRetiredAndBadThresholdsShouldBeRefused() {
    run(0, "model", "list"); // creates the topics, as every command does
    register();
    register();
    assertThat(run(0, "model", "list").out()).contains("v1").contains("v2").contains("candidate");

    assertThat(run(2, "model", "promote", "v1", "--severity-thresholds", "0.5,0.7,0.4,0.2").err())
        .contains("0 < low <= medium <= high <= critical <= 1");
    assertThat(run(2, "model", "promote", "v1", "--severity-thresholds", "0.9,high,0.4,0.2").err())
        .contains("'high' is not a number");
    assertThat(run(2, "model", "promote", "v7").err()).contains("no model version 'v7'");

    assertThat(run(0, "model", "promote", "v1", "--severity-thresholds", "0.8,0.6,0.4,0.2").out())
        .contains("Model v1 is the champion")
        .contains("CRITICAL >= 0.8");
    assertThat(run(2, "model", "retire", "v1").err()).contains("v1 is the champion");

    assertThat(run(0, "model", "promote", "latest").out()).contains("Model v2 is the champion");
    CliRunner list = run(0, "model", "list");
    assertThat(list.out()).containsPattern("v1 +archived").containsPattern("v2 +champion");
    assertThat(run(0, "model", "retire", "v1").out()).contains("Model v1 is retired");

    CliRunner show = run(0, "model", "show", "v1");
    assertThat(show.out())
        .contains("\"status\" : \"retired\"")
        .contains("\"critical\" : 0.8")
        .contains("\"inputs\"");
    assertThat(List.of(show.out().split("\n"))).noneMatch(l -> l.contains("model_gzip_base64"));
  }
}
