package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.detection.drift.DriftReport;
import io.streamsentinel.detection.drift.DriftSettings;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.generator.World;
import io.streamsentinel.learning.ModelTrainer;
import io.streamsentinel.learning.NotEnoughLabelsException;
import io.streamsentinel.learning.TrainedModel;
import io.streamsentinel.learning.TrainingExample;
import io.streamsentinel.learning.TrainingSet;
import io.streamsentinel.monitoring.HealthRule;
import io.streamsentinel.monitoring.HealthRules;
import io.streamsentinel.monitoring.HealthSample;
import io.streamsentinel.monitoring.HealthThresholds;
import io.streamsentinel.monitoring.RuleResult;
import io.streamsentinel.registry.ModelLoader;
import io.streamsentinel.registry.ModelRecordCodec;
import io.streamsentinel.registry.ModelStatus;
import io.streamsentinel.registry.ModelVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift end to end in the detection topology: a champion trained on decisions of the built-in
 * generator, then live transactions from the same world (the model's inputs look as in training,
 * the drift rule stays quiet), then the generator switches to the held-out harbor world (another
 * population, amounts in yen, other habits and frauds): the PSI rises and the rule fires.
 *
 * <p>The live traffic runs at 100 decisions per second of the driver's mocked wall clock, which the
 * monitor's clock follows.
 */
class DriftTopologyTest {

  private static final Instant WALL_START = Instant.parse("2026-06-01T09:00:00Z");
  private static final long MILLIS_PER_DECISION = 10;
  private static final int WARM_UP = 10_000;
  private static final int TRAINING = 20_000;
  private static final int SAME_WORLD = 6_000;
  private static final int SHIFTED_MAX = 6_000;

  @TempDir Path stateDir;
  private final AtomicReference<ScoringModel> inForce = new AtomicReference<>();
  private final AtomicReference<ModelVersion> champion = new AtomicReference<>();
  private final TestClock clock = new TestClock(WALL_START);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
  private final HealthRules rules = new HealthRules(HealthThresholds.defaults());
  private DriftMonitor drift;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> input;

  /** A wall clock the test moves, in step with the driver's. */
  private static final class TestClock extends Clock {
    private Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @BeforeEach
  void start() {
    DetectorSettings settings =
        new DetectorSettings(
                RuleSetCodec.loadDefault(), 0.5, Duration.ofHours(24), TransactionLimits.DEFAULTS)
            .withModels(inForce::get);
    drift = new DriftMonitor(champion::get, DriftSettings.defaults(), meters, clock);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "drift-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            FraudTopology.build(settings, new DetectorCounters(), drift), props, WALL_START);
    input =
        driver.createInputTopic(
            DetectorSettings.INPUT_TOPIC,
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  /** One live transaction, a wall-clock step after the previous one. */
  private void pipe(Transaction tx) {
    input.pipeInput(tx.userId(), codec.encode(tx), tx.timestamp());
    driver.advanceWallClockTime(Duration.ofMillis(MILLIS_PER_DECISION));
    clock.advance(Duration.ofMillis(MILLIS_PER_DECISION));
  }

  private RuleResult driftRule() {
    return rules
        .evaluate("detector", clock.instant(), new HealthSample(0, 0, 100, 100, drift.report()))
        .result(HealthRule.MODEL_DRIFT);
  }

  /**
   * Trains the champion on the detector's own decisions: the generator's stream scored by the pure
   * detector exactly as the topology scores it, profiles warmed up first.
   */
  private static TrainedModel train(List<Transaction> stream) throws NotEnoughLabelsException {
    FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());
    Map<String, UserProfile> profiles = new HashMap<>();
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < stream.size(); i++) {
      Transaction tx = stream.get(i);
      FraudDetector.Assessment a =
          detector.assess(
              tx,
              profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId())),
              AccountStatus.ACTIVE);
      profiles.put(tx.userId(), a.profile());
      if (i >= WARM_UP) {
        Decision d = a.decision();
        examples.add(
            new TrainingExample(
                tx.transactionId(),
                tx.timestamp(),
                d.features().toArray(),
                Boolean.TRUE.equals(tx.isFraud()),
                d.rulesScore(),
                tx.merchantCategory(),
                null));
      }
    }
    return new ModelTrainer(new ModelTrainer.Settings(20, 4, 0.3, 7, 1), 0.5)
        .train(new TrainingSet(examples, 0, 0, 0, 0), ModelInputs.standard(), (done, all) -> {});
  }

  private static ModelVersion register(TrainedModel model, Instant at) {
    byte[] bytes = model.bytes();
    return new ModelVersion(
        "v1",
        ModelStatus.CHAMPION,
        at,
        at,
        ModelRecordCodec.sha256(bytes),
        model.library(),
        ModelVersion.XGBOOST_JSON,
        model.inputs().names(),
        null,
        null,
        Map.of(),
        Map.of(),
        model.parameters(),
        bytes,
        null,
        model.reference());
  }

  @Test
  void shouldFireTheDriftRuleWhenTheLiveStreamLeavesTheTrainingWorld(TestReporter reporter)
      throws Exception {
    TransactionSimulator world =
        new TransactionSimulator(GeneratorSettings.withSeed(11).withUsers(300));
    List<Transaction> history = new ArrayList<>();
    for (int i = 0; i < WARM_UP + TRAINING; i++) {
      history.add(world.next());
    }
    TrainedModel model = train(history);
    assertThat(model.reference()).isNotNull();
    for (Transaction tx : history) { // the detector saw the history with the rules alone
      input.pipeInput(tx.userId(), codec.encode(tx), tx.timestamp());
    }
    assertThat(drift.report().state()).isEqualTo(DriftReport.State.NO_CHAMPION);

    ModelVersion v1 = register(model, clock.instant());
    champion.set(v1);
    inForce.set(ModelLoader.load(v1));
    for (int i = 0; i < SAME_WORLD; i++) {
      pipe(world.next());
    }
    clock.advance(Duration.ofSeconds(1));
    DriftReport calm = drift.report();
    RuleResult quiet = driftRule();

    assertThat(calm.state()).isEqualTo(DriftReport.State.MEASURED);
    assertThat(calm.decisions()).isEqualTo(SAME_WORLD);
    assertThat(quiet.measured()).isTrue();
    assertThat(quiet.firing()).as("same world: %s", calm).isFalse();
    assertThat(calm.maxPsi()).as("same world: %s", calm).isLessThan(0.1);

    Instant shiftAt = world.next().timestamp();
    TransactionSimulator other =
        new TransactionSimulator(
            GeneratorSettings.withSeed(99)
                .withUsers(1_000)
                .withStart(shiftAt)
                .withWorld(World.HARBOR));
    int shiftedDecisions = 0;
    RuleResult verdict = quiet;
    while (!verdict.firing() && shiftedDecisions < SHIFTED_MAX) {
      for (int i = 0; i < 100; i++) {
        pipe(other.next());
      }
      shiftedDecisions += 100;
      verdict = driftRule(); // a second of wall-clock time later: a fresh report
    }
    DriftReport drifted = drift.report();
    System.out.printf(
        "Drift rule fired after %d harbor decisions (%d s); worst %s%n",
        shiftedDecisions, shiftedDecisions / 100, drifted.worst());
    reporter.publishEntry(
        "fired after shifted decisions", shiftedDecisions + " (" + shiftedDecisions / 100 + " s)");
    reporter.publishEntry("PSI before the shift", String.valueOf(calm));
    reporter.publishEntry("PSI when the rule fired", String.valueOf(drifted));

    assertThat(verdict.firing())
        .as("after %d shifted decisions: %s", shiftedDecisions, drifted)
        .isTrue();
    assertThat(verdict.value()).isGreaterThan(0.25);
    assertThat(drifted.maxPsi()).isGreaterThan(calm.maxPsi());
    assertThat(verdict.detail()).isEqualTo(drifted.worst()).isNotNull();
    assertThat(meters.find("sentinel.feature.psi").tag("feature", "amount").gauge().value())
        .isEqualTo(drifted.psiOf("amount"))
        .isGreaterThan(calm.psiOf("amount"));
    assertThat(meters.find("sentinel.score.psi").gauge().value()).isEqualTo(drifted.scorePsi());
  }
}
