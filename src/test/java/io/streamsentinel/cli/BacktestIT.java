package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.Rule;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.learning.SyntheticModels;
import io.streamsentinel.learning.TrainedModel;
import io.streamsentinel.registry.ModelRegistry;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backtests on logged history from a real broker, against {@code evaluate} on the same data. */
class BacktestIT {

  private static final int EVENTS = 30_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void decideHistory() throws Exception {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    run(
        0,
        "generate",
        "--count",
        String.valueOf(EVENTS),
        "--tps",
        "max",
        "--users",
        "2000",
        "--seed",
        "9",
        "--fraud-rate",
        "0.02",
        "--start",
        "2026-01-01T00:00:00Z");
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
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> CommittedTopics.decisions(clients()) >= EVENTS);
    }
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  private static ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  private static CliRunner run(int expectedExit, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-b", broker.bootstrapServers()));
    CliRunner cli = new CliRunner();
    assertThat(cli.run(all.toArray(String[]::new)))
        .as(cli.out() + cli.err())
        .isEqualTo(expectedExit);
    return cli;
  }

  private static Path rulesFile(String name, RuleSet rules) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, RuleSetCodec.encode(rules));
    return file;
  }

  private static void assertSameFigures(JsonNode side, ObjectNode evaluated) {
    assertThat(quality(side)).isEqualTo(evaluated);
  }

  private static JsonNode quality(JsonNode side) {
    ObjectNode q = side.deepCopy();
    q.remove(List.of("alerts_per_day", "fraud_amount", "fraud_amount_caught"));
    return q;
  }

  @Test
  void theLiveRulesReplayedShouldGiveEvaluatesFiguresOnBothSides() throws Exception {
    Path evaluated = dir.resolve("evaluate.json");
    run(0, "evaluate", "--json", evaluated.toString());
    ObjectNode expected = (ObjectNode) JSON.readTree(evaluated.toFile());
    expected.remove(
        List.of("blocked_account_decisions", "undecodable_records", "by_model_version"));

    Path out = dir.resolve("same.json");
    CliRunner backtest =
        run(
            0,
            "backtest",
            "--rules",
            rulesFile("live.json", RuleSetCodec.loadDefault()).toString(),
            "--json",
            out.toString());
    JsonNode r = JSON.readTree(out.toFile());

    // Exactly, ROC AUCs included: the detector scores the features as decisions log them (six
    // decimals), so a replay of the logged features reproduces every logged score.
    assertSameFigures(r.get("live"), expected);
    assertSameFigures(r.get("candidate_figures"), expected);
    assertThat(r.get("new_alerts").asLong()).isZero();
    assertThat(r.get("dropped_alerts").asLong()).isZero();
    assertThat(r.get("decisions_read").asLong()).isEqualTo(EVENTS);
    assertThat(r.get("live").get("alerts_per_day").asDouble()).isPositive();
    assertThat(r.get("live").get("fraud_amount_caught").decimalValue())
        .isLessThanOrEqualTo(r.get("live").get("fraud_amount").decimalValue())
        .isPositive();
    assertThat(backtest.out()).contains("Would change: 0 new alerts, 0 alerts no longer raised");
  }

  @Test
  void aStricterRuleShouldShowTheAlertsItWouldAddWithASample() throws Exception {
    RuleSet live = RuleSetCodec.loadDefault();
    List<Rule> rules = new ArrayList<>();
    for (Rule r : live.rules()) {
      // Every rule alone enough to alert: more alerts, never fewer.
      rules.add(r.withWeight(Math.max(r.weight(), 0.6)));
    }
    Path out = dir.resolve("stricter-out.json");
    CliRunner backtest =
        run(
            0,
            "backtest",
            "--rules",
            rulesFile("stricter.json", new RuleSet("stricter", live.stepUpWeight(), rules))
                .toString(),
            "--json",
            out.toString());
    JsonNode r = JSON.readTree(out.toFile());
    assertThat(r.get("candidate").asText()).isEqualTo("rules stricter");
    assertThat(r.get("new_alerts").asLong()).isPositive();
    assertThat(r.get("dropped_alerts").asLong()).isZero();
    assertThat(r.get("new_alert_sample")).hasSizeBetween(1, 10);
    assertThat(r.get("candidate_figures").get("recall").asDouble())
        .isGreaterThanOrEqualTo(r.get("live").get("recall").asDouble());
    assertThat(backtest.out()).contains("New alerts (sample):").contains("rules stricter");
  }

  @Test
  void aRegisteredModelShouldReplayAndBadCandidatesShouldBeRefused() throws Exception {
    run(2, "backtest", "--model", "v1").err();
    TrainedModel m = SyntheticModels.small();
    new ModelRegistry(clients(), Clock.systemUTC())
        .register(
            new ModelRegistry.Registration(
                m.bytes(),
                m.library(),
                m.inputs().names(),
                null,
                null,
                Map.of(),
                Map.of(),
                m.parameters()));
    CliRunner model = run(0, "backtest", "--model", "latest");
    assertThat(model.out()).contains("model v1").contains("Would change:");

    Path bad = dir.resolve("bad-rules.json");
    Files.writeString(bad, "{\"version\":\"x\",\"rules\":[{\"id\":\"r\"}]}");
    assertThat(run(2, "backtest", "--rules", bad.toString()).err()).contains("bad-rules.json");
    assertThat(run(2, "backtest", "--rules", "live.json", "--model", "v1").err())
        .contains("mutually exclusive");
    assertThat(
            run(
                    2,
                    "backtest",
                    "--rules",
                    rulesFile("again.json", RuleSetCodec.loadDefault()).toString(),
                    "--since",
                    "2030-01-01T00:00:00Z")
                .err())
        .contains("no labelled decision to replay");
  }
}
