package io.streamsentinel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.registry.ModelRecordCodec;
import io.streamsentinel.registry.ModelRegistry;
import io.streamsentinel.registry.ModelStatus;
import io.streamsentinel.registry.ModelVersion;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import io.streamsentinel.testing.SentinelProcesses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning loop on a real broker, through the commands as a user types them: generate with
 * labels → two detector processes decide → {@code model train} → {@code model promote latest} →
 * both detectors switch without restart, and every later decision carries the model's version; a
 * corrupt champion is refused and the model in force stays.
 */
class ModelLoopIT {

  private static final int FIRST_BATCH = 40_000;
  private static final int SECOND_BATCH = 3_000;

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;
  private SentinelProcesses processes;

  @BeforeEach
  void startBroker() {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    processes = new SentinelProcesses(dir);
  }

  @AfterEach
  void stop() {
    processes.close();
    broker.close();
  }

  private ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  private CliRunner cli(String... args) {
    CliRunner cli = new CliRunner();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-b", broker.bootstrapServers()));
    int code = cli.run(all.toArray(String[]::new));
    assertThat(code).as(String.join(" ", args) + "\n" + cli.out() + cli.err()).isZero();
    return cli;
  }

  private void detector(String name) throws Exception {
    processes.start(
        name,
        "512m",
        "detect",
        "-b",
        broker.bootstrapServers(),
        "--state-dir",
        dir.resolve("state-" + name).toString());
  }

  private String output(String name) throws Exception {
    Path log = dir.resolve(name + ".log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private List<DecisionDocument> decisionsAfter(Map<TopicPartition, Long> from) {
    List<DecisionDocument> out = new ArrayList<>();
    CommittedRecords.read(
        clients(),
        TopicCatalog.FRAUD_SCORES,
        from,
        r -> out.add(DecisionDocumentReader.read(r.value())));
    return out;
  }

  @Test
  void aPromotedModelShouldBeUsedByEveryRunningDetectorWithoutRestart() throws Exception {
    cli(
        "generate",
        "--count",
        String.valueOf(FIRST_BATCH),
        "--tps",
        "max",
        "--users",
        "2000",
        "--seed",
        "21",
        "--fraud-rate",
        "0.02",
        "--start",
        "2026-01-01T00:00:00Z",
        "--labels");
    detector("a");
    detector("b");
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> CommittedTopics.decisions(clients()) >= FIRST_BATCH);
    assertThat(output("a")).contains("model none (rules)");

    // Rules alone so far: no decision names a model.
    List<DecisionDocument> before = decisionsAfter(Map.of());
    assertThat(before).hasSize(FIRST_BATCH);
    assertThat(before).allSatisfy(d -> assertThat(d.modelVersion()).isNull());
    assertThat(before).allSatisfy(d -> assertThat(d.rulesScore()).isEqualTo(d.score()));

    CliRunner train =
        cli(
            "model",
            "train",
            "--rounds",
            "40",
            "--assume-legit-after",
            "3d",
            "--json",
            dir.resolve("train.json").toString());
    assertThat(train.out()).contains("Registered model v1 (candidate");
    assertThat(Files.readString(dir.resolve("train.json"))).contains("\"roc_auc\"");

    Map<TopicPartition, Long> promotedAt = endOffsets();
    long promoted = System.nanoTime();
    assertThat(cli("model", "promote", "latest").out()).contains("Model v1 is the champion");
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> output("a").contains("model v1") && output("b").contains("model v1"));
    double switchSeconds = (System.nanoTime() - promoted) / 1e9;
    assertThat(switchSeconds).isLessThan(10);

    // Continuous retraining's gate: a one-stump candidate is worse than the champion and stays out.
    CliRunner worse =
        cli(
            "model",
            "train",
            "--rounds",
            "1",
            "--max-depth",
            "1",
            "--assume-legit-after",
            "3d",
            "--promote-if-better");
    assertThat(worse.out()).contains("Not promoted: v2 against model v1");
    assertThat(cli("model", "show", "v2").out())
        .contains("\"promotion_decision\"")
        .contains("\"promoted\" : false")
        .contains("\"status\" : \"candidate\"");

    cli(
        "generate",
        "--count",
        String.valueOf(SECOND_BATCH),
        "--tps",
        "max",
        "--users",
        "2000",
        "--seed",
        "22",
        "--start",
        "2026-01-20T00:00:00Z");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> decisionsAfter(promotedAt).size() >= SECOND_BATCH);
    List<DecisionDocument> after = decisionsAfter(promotedAt);
    assertThat(after).hasSize(SECOND_BATCH);
    assertThat(after)
        .allSatisfy(
            d -> {
              assertThat(d.modelVersion()).isEqualTo("v1");
              assertThat(d.modelScore()).isNotNull();
            });
    assertThat(after.stream().filter(d -> d.reasonsJson().contains("\"source\":\"model\"")))
        .isNotEmpty();

    // A champion whose bytes do not match its checksum is refused; v1 stays in force.
    ModelRegistry registry = new ModelRegistry(clients(), Clock.systemUTC());
    ModelVersion v1 = registry.find("v1");
    ModelVersion corrupt =
        new ModelVersion(
            "v3",
            ModelStatus.CHAMPION,
            Instant.now(),
            Instant.now(),
            v1.sha256(),
            v1.library(),
            v1.format(),
            v1.inputs(),
            v1.trainedFrom(),
            v1.trainedUntil(),
            v1.labelCounts(),
            v1.holdout(),
            v1.parameters(),
            "{\"learner\":{}}".getBytes(StandardCharsets.UTF_8));
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                "org.apache.kafka.common.serialization.StringSerializer",
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                "org.apache.kafka.common.serialization.ByteArraySerializer"))) {
      producer
          .send(
              new ProducerRecord<>(
                  TopicCatalog.FRAUD_MODELS, "v3", ModelRecordCodec.encode(corrupt)))
          .get();
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                output("a").contains("Refused champion v3")
                    && output("b").contains("Refused champion v3"));
    Map<TopicPartition, Long> refusedAt = endOffsets();
    cli(
        "generate",
        "--count",
        "500",
        "--tps",
        "max",
        "--users",
        "2000",
        "--seed",
        "23",
        "--start",
        "2026-01-25T00:00:00Z");
    await().atMost(Duration.ofSeconds(60)).until(() -> decisionsAfter(refusedAt).size() >= 500);
    assertThat(decisionsAfter(refusedAt))
        .allSatisfy(d -> assertThat(d.modelVersion()).isEqualTo("v1"));
  }

  private Map<TopicPartition, Long> endOffsets() {
    try (var consumer = CommittedRecords.reader(clients(), "model-loop-it")) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TopicCatalog.FRAUD_SCORES).stream()
              .map(p -> new TopicPartition(TopicCatalog.FRAUD_SCORES, p.partition()))
              .toList();
      return consumer.endOffsets(partitions);
    }
  }
}
