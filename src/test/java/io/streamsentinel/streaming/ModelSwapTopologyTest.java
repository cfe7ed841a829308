package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.codec.XgboostModelReader;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.ModelSource;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.detection.TreeEnsemble;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.learning.SyntheticModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector follows the model in force between records: the topology reads its {@link
 * io.streamsentinel.detection.ModelSource} per transaction, here an {@link AtomicReference} the
 * test sets between {@code pipeInput} calls, as the champion watcher does.
 *
 * <p>The hand-built models are one stump on {@code amount} over {@link ModelInputs#standard()}:
 * below 100 the margin is {@code -d}, from 100 on {@code +d}, so a transaction of 250 scores {@code
 * sigmoid(d)} with {@code amount} the one model reason.
 */
class ModelSwapTopologyTest {

  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScoringModel V1 = amountStump("v1", 1.0);
  private static final ScoringModel V2 = amountStump("v2", 2.0);

  @TempDir Path stateDir;
  private final AtomicReference<ScoringModel> champion = new AtomicReference<>();
  private final AtomicReference<ScoringModel> shadow = new AtomicReference<>();
  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> input;
  private TestInputTopic<String, byte[]> accountStatus;
  private TestOutputTopic<String, byte[]> scores;
  private TestOutputTopic<String, byte[]> alerts;

  private static ScoringModel amountStump(String version, double d) {
    ModelInputs inputs = ModelInputs.standard();
    int amount = inputs.names().indexOf("amount");
    TreeEnsemble trees =
        TreeEnsemble.builder(inputs.size(), 0)
            .addTree(
                new int[] {1, -1, -1},
                new int[] {2, -1, -1},
                new int[] {amount, 0, 0},
                new float[] {100f, (float) -d, (float) d},
                new boolean[] {false, false, false},
                new double[] {2, 1, 1})
            .build();
    return new ScoringModel(version, trees, inputs);
  }

  @BeforeEach
  void start() {
    DetectorSettings settings =
        new DetectorSettings(
                RuleSetCodec.loadDefault(), 0.5, Duration.ofHours(24), TransactionLimits.DEFAULTS)
            .withModels(
                new ModelSource() {
                  @Override
                  public ScoringModel current() {
                    return champion.get();
                  }

                  @Override
                  public ScoringModel shadow() {
                    return shadow.get();
                  }
                });
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "model-swap-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(FraudTopology.build(settings, new DetectorCounters()), props);
    input =
        driver.createInputTopic(
            DetectorSettings.INPUT_TOPIC,
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    accountStatus =
        driver.createInputTopic(
            DetectorSettings.ACCOUNT_STATUS_TOPIC,
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    scores =
        driver.createOutputTopic(
            DetectorSettings.SCORES_TOPIC,
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());
    alerts =
        driver.createOutputTopic(
            DetectorSettings.ALERTS_TOPIC,
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static Transaction tx(String id, String user, String amount, Instant time) {
    return Transaction.builder()
        .transactionId(id)
        .userId(user)
        .amount(new BigDecimal(amount))
        .timestamp(time)
        .merchant("Grocer")
        .merchantCategory("grocery")
        .country("DE")
        .deviceId("dev-" + user)
        .build();
  }

  /** Scores one transaction and returns its decision. */
  private DecisionDocument score(String id, String user, String amount, Instant time) {
    input.pipeInput(user, codec.encode(tx(id, user, amount, time)), time);
    List<byte[]> out = scores.readValuesToList();
    assertThat(out).as("decisions on %s", id).hasSize(1);
    return DecisionDocumentReader.read(out.get(0));
  }

  private static List<String> sources(DecisionDocument d) {
    try {
      List<String> sources = new ArrayList<>();
      for (JsonNode reason : JSON.readTree(d.reasonsJson())) {
        sources.add(reason.get("source").textValue());
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode reason(DecisionDocument d, String code) {
    try {
      for (JsonNode reason : JSON.readTree(d.reasonsJson())) {
        if (reason.get("code").textValue().equals(code)) {
          return reason;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no reason " + code + " in " + d.reasonsJson());
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void shouldScoreWithTheRulesAloneWhileNoModelIsInForce() {
    DecisionDocument d = score("t1", "u1", "250.00", T0);

    assertThat(d.modelVersion()).isNull();
    assertThat(d.modelScore()).isNull();
    assertThat(d.rulesScore()).isEqualTo(d.score());
    assertThat(sources(d)).doesNotContain("model");
  }

  @Test
  void shouldScoreWithAModelFromTheVeryNextRecordAfterItIsSet() {
    DecisionDocument before = score("t1", "u1", "250.00", T0);

    champion.set(V1);
    DecisionDocument after = score("t2", "u1", "250.00", T0.plusSeconds(600));

    assertThat(before.modelVersion()).isNull();
    assertThat(after.modelVersion()).isEqualTo("v1");
    assertThat(after.modelScore()).isCloseTo(sigmoid(1.0), within(1e-6));
    assertThat(after.score()).isEqualTo(after.modelScore());
    assertThat(after.severity()).isEqualTo(Severity.of(after.score()));
    JsonNode amount = reason(after, "AMOUNT");
    assertThat(amount.get("source").textValue()).isEqualTo("model");
    assertThat(amount.get("detail").textValue()).startsWith("amount 250,");
    assertThat(amount.get("contribution").doubleValue()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void shouldFollowASwapToANewerModelAndBackToNone() {
    champion.set(V1);
    DecisionDocument first = score("t1", "u1", "250.00", T0);

    champion.set(V2);
    DecisionDocument second = score("t2", "u1", "250.00", T0.plusSeconds(600));

    champion.set(null);
    DecisionDocument third = score("t3", "u1", "250.00", T0.plusSeconds(1200));

    assertThat(first.modelVersion()).isEqualTo("v1");
    assertThat(first.score()).isCloseTo(sigmoid(1.0), within(1e-6));
    assertThat(second.modelVersion()).isEqualTo("v2");
    assertThat(second.score()).isCloseTo(sigmoid(2.0), within(1e-6));
    assertThat(second.severity()).isEqualTo(Severity.HIGH);
    assertThat(third.modelVersion()).isNull();
    assertThat(third.modelScore()).isNull();
    assertThat(third.score()).isEqualTo(third.rulesScore());
  }

  @Test
  void aShadowAlertingOnEverythingShouldOnlyBeLoggedBesideTheDecision() {
    shadow.set(amountStump("s1", 20.0)); // sigmoid(20): every amount of 100 or more scores ~1

    DecisionDocument rulesAlone = score("t1", "u1", "250.00", T0);
    assertThat(alerts.isEmpty()).as("a shadow never alerts").isTrue();
    champion.set(V1);
    DecisionDocument withChampion = score("t2", "u1", "260.00", T0.plusSeconds(3_600));

    assertThat(rulesAlone.shadowVersion()).isEqualTo("s1");
    assertThat(rulesAlone.shadowScore()).isGreaterThan(0.99);
    assertThat(rulesAlone.score()).isLessThan(0.5);
    assertThat(rulesAlone.modelVersion()).isNull();
    assertThat(withChampion.shadowVersion()).isEqualTo("s1");
    assertThat(withChampion.modelVersion()).isEqualTo("v1");
    assertThat(withChampion.score()).isCloseTo(sigmoid(1.0), within(1e-6));
    assertThat(DecisionDocumentReader.read(alerts.readValue()).transactionId())
        .as("only the champion's own score alerts")
        .isEqualTo("t2");
    assertThat(alerts.isEmpty()).isTrue();

    shadow.set(null);
    assertThat(score("t3", "u1", "270.00", T0.plusSeconds(7_200)).shadowVersion()).isNull();
  }

  @Test
  void shouldAlertOnTheModelsScoreUnderTheRulesThreshold() {
    champion.set(V2);
    score("t1", "u1", "250.00", T0);

    byte[] alert = alerts.readValue();

    DecisionDocument d = DecisionDocumentReader.read(alert);
    assertThat(d.alertId()).isNotNull();
    assertThat(d.modelVersion()).isEqualTo("v2");
    assertThat(d.score()).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void shouldKeepABlockedAccountCriticalWhateverTheModelSays() {
    champion.set(V1);
    accountStatus.pipeInput(
        "u3",
        AccountStateCodec.encode(new AccountState("u3", AccountStatus.BLOCKED, "test", T0, null)),
        T0);

    // 9.99 is below the stump's split: the model alone says sigmoid(-1)
    DecisionDocument d = score("t1", "u3", "9.99", T0.plusSeconds(5));

    assertThat(d.score()).isEqualTo(1.0);
    assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(d.modelScore()).isCloseTo(sigmoid(-1.0), within(1e-6));
    assertThat(d.modelVersion()).isEqualTo("v1");
    assertThat(d.reasonCodes().get(0)).isEqualTo("ACCOUNT_BLOCKED");
    assertThat(sources(d).get(0)).isEqualTo("rule");
  }

  @Test
  void shouldScoreWithARealTrainedModelFedTheDecisionsFeatures() throws IOException {
    byte[] bytes = SyntheticModels.small().bytes();
    ModelInputs inputs = ModelInputs.standard();
    TreeEnsemble trees = XgboostModelReader.read(bytes, inputs.size());
    champion.set(new ScoringModel("v1", trees, inputs));

    // A burst (the synthetic model learned that fraud comes in bursts), so that some input weighs
    // towards fraud whatever noise the model learned on the others: five in ten minutes, more than
    // any legitimate row of the synthetic set has (three at most; three was too few once the
    // surprisal features changed the noise the model learned).
    score("t1", "u1", "250.00", T0);
    score("t2", "u1", "250.00", T0.plusSeconds(60));
    score("t3", "u1", "250.00", T0.plusSeconds(120));
    score("t4", "u1", "250.00", T0.plusSeconds(180));
    DecisionDocument d = score("t5", "u1", "250.00", T0.plusSeconds(240));

    assertThat(d.modelVersion()).isEqualTo("v1");
    assertThat(d.score()).isEqualTo(d.modelScore());
    // the same row again, from the features the decision carries and its event time
    JsonNode written = JSON.readTree(d.featuresJson());
    double[] features = new double[Feature.COUNT];
    for (Feature f : Feature.values()) {
      features[f.ordinal()] = written.get(f.wireName()).doubleValue();
    }
    double[] row = new double[inputs.size()];
    inputs.fill(features, d.eventTime(), row);
    assertThat(d.modelScore()).isCloseTo(trees.probability(row), within(1e-6));
    List<String> sources = sources(d);
    long modelReasons = sources.stream().filter("model"::equals).count();
    assertThat(modelReasons).isBetween(1L, (long) ScoringModel.MAX_REASONS);
    // no hard rule fired, so the model's reasons come first
    assertThat(sources.subList(0, (int) modelReasons)).containsOnly("model");
  }
}
