package io.streamsentinel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.registry.ModelRegistry;
import io.streamsentinel.response.ResponderService;
import io.streamsentinel.response.ResponderSettings;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shadow that would alert on everything, beside live settings that alert on nothing: every
 * decision logs the shadow's verdict, and not one alert or action appears; {@code model compare}
 * then shows what the shadow would have done.
 */
class ShadowIT {

  private static final int EVENTS = 5_000;

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

  private CliRunner run(int expectedExit, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-b", broker.bootstrapServers()));
    CliRunner cli = new CliRunner();
    assertThat(cli.run(all.toArray(String[]::new)))
        .as(cli.out() + cli.err())
        .isEqualTo(expectedExit);
    return cli;
  }

  /** An XGBoost JSON model of one leaf: every transaction scores about 0.99999. */
  private static byte[] alwaysFraud() {
    return ("{\"learner\":{\"objective\":{\"name\":\"binary:logistic\"},"
            + "\"learner_model_param\":{\"base_score\":\"[9.9E-1]\",\"num_feature\":\""
            + ModelInputs.standard().size()
            + "\",\"num_target\":\"1\",\"num_class\":\"0\"},"
            + "\"gradient_booster\":{\"name\":\"gbtree\",\"model\":{\"trees\":[{"
            + "\"tree_param\":{\"size_leaf_vector\":\"1\"},\"split_type\":[0],\"default_left\":[0],"
            + "\"split_conditions\":[9.0],\"sum_hessian\":[1.0],\"left_children\":[-1],"
            + "\"right_children\":[-1],\"split_indices\":[0]}]}}},\"version\":[3,4,0]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aShadowShouldNeverAlertOrActAndCompareShouldShowWhatItWouldHaveDone() throws Exception {
    run(0, "topics", "create");
    ModelRegistry registry = new ModelRegistry(clients(), Clock.systemUTC());
    registry.register(
        new ModelRegistry.Registration(
            alwaysFraud(),
            "xgboost 3.4.0",
            ModelInputs.standard().names(),
            null,
            null,
            Map.of(),
            Map.of(),
            Map.of()));
    assertThat(run(0, "model", "shadow", "v1").out()).contains("runs as the shadow");
    assertThat(run(2, "model", "promote", "v9").err()).contains("no model version 'v9'");

    // Live: alerts only at a score of 1 (a blocked account), and nothing is blocked here.
    DetectorSettings live =
        new DetectorSettings(
            RuleSetCodec.loadDefault(),
            1.0,
            DetectorSettings.DEFAULT_DEDUP_WINDOW,
            TransactionLimits.DEFAULTS);
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
                    live,
                    ClientMetrics.none(),
                    clients())
                .start();
        ResponderService responder =
            new ResponderService(clients(), new ResponderSettings("1", null), ClientMetrics.none())
                .start()) {
      run(
          0,
          "generate",
          "--count",
          String.valueOf(EVENTS),
          "--tps",
          "max",
          "--users",
          "500",
          "--seed",
          "13",
          "--fraud-rate",
          "0.05");
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> CommittedTopics.decisions(clients()) >= EVENTS);
      Thread.sleep(2_000); // give a responder the chance to act, were there anything to act on
    }

    List<DecisionDocument> decisions = new ArrayList<>();
    CommittedRecords.read(
        clients(),
        TopicCatalog.FRAUD_SCORES,
        Map.of(),
        r -> decisions.add(DecisionDocumentReader.read(r.value())));
    assertThat(decisions).hasSize(EVENTS);
    assertThat(decisions)
        .allSatisfy(
            d -> {
              assertThat(d.shadowVersion()).isEqualTo("v1");
              assertThat(d.shadowScore()).isGreaterThan(0.99);
              assertThat(d.modelVersion()).isNull();
            });
    assertThat(CommittedRecords.count(clients(), TopicCatalog.FRAUD_ALERTS, Map.of())).isZero();
    assertThat(CommittedRecords.count(clients(), TopicCatalog.USER_ACTIONS, Map.of())).isZero();

    Path json = dir.resolve("compare.json");
    CliRunner compare = run(0, "model", "compare", "--threshold", "1.0", "--json", json.toString());
    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertThat(r.get("candidate").asText()).isEqualTo("shadow");
    assertThat(r.get("live").get("confusion_matrix").get("tp").asLong()).isZero();
    assertThat(r.get("candidate_figures").get("recall").asDouble()).isEqualTo(0.0);
    assertThat(compare.out()).contains("Would change:");

    run(0, "model", "compare", "--json", dir.resolve("half.json").toString());
    JsonNode half = new ObjectMapper().readTree(dir.resolve("half.json").toFile());
    assertThat(half.get("candidate_figures").get("recall").asDouble()).isEqualTo(1.0);
    assertThat(half.get("new_alerts").asLong()).isPositive();

    assertThat(run(0, "model", "shadow", "--stop").out()).contains("Shadow v1 stopped");
    assertThat(run(0, "model", "shadow", "--stop").out()).contains("No shadow model was running");
    assertThat(run(2, "model", "shadow").err())
        .contains("give VERSION, --rules FILE or both, or --stop");
  }
}
