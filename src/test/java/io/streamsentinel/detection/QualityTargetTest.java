package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.quality.DetectionQuality;
import io.streamsentinel.detection.quality.PatternQuality;
import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality target, end to end in memory: the built-in generator at its default settings
 * feeds profile, features and the default rules, and the scores are judged against the generator's
 * labels, which only the evaluation reads. Prints the figures overall and per pattern.
 */
class QualityTargetTest {

  private static final long SEED = 42;
  private static final int EVENTS = 200_000;
  private static final double THRESHOLD = Decision.DEFAULT_ALERT_THRESHOLD;

  private static QualityReport report;

  @BeforeAll
  static void scoreTheGeneratedStream() {
    TransactionSimulator simulator = new TransactionSimulator(GeneratorSettings.withSeed(SEED));
    FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());
    Map<String, UserProfile> profiles = new HashMap<>();
    DetectionQuality quality = new DetectionQuality();
    for (int i = 0; i < EVENTS; i++) {
      Transaction tx = simulator.next();
      UserProfile before = profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId()));
      FraudDetector.Assessment assessment = detector.assess(tx, before, AccountStatus.ACTIVE);
      profiles.put(tx.userId(), assessment.profile());
      Decision decision = assessment.decision();
      quality.add(
          decision.score(), Boolean.TRUE.equals(decision.isFraud()), decision.fraudPattern());
    }
    report = quality.report(THRESHOLD);
    System.out.println(describe(report));
  }

  @Test
  void shouldReachTheRecallPrecisionAndAucTargetsOnTheDefaultGenerator() {
    assertThat(report.decisions()).isEqualTo(EVENTS);
    assertThat(report.recall()).as("recall").isGreaterThanOrEqualTo(0.85);
    assertThat(report.precision()).as("precision").isGreaterThanOrEqualTo(0.70);
    assertThat(report.auc()).as("ROC AUC").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void shouldDetectEveryPatternToSomeExtent() {
    assertThat(report.perPattern()).hasSizeGreaterThanOrEqualTo(5);
    for (PatternQuality pattern : report.perPattern().values()) {
      assertThat(pattern.recall()).as(pattern.pattern()).isGreaterThanOrEqualTo(0.5);
    }
  }

  private static String describe(QualityReport report) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "quality on %d events (seed %d, threshold %.2f): precision %.3f recall %.3f f1 %.3f"
                + " auc %.4f%n  confusion: %s%n",
            report.decisions(),
            SEED,
            report.threshold(),
            report.precision(),
            report.recall(),
            report.f1(),
            report.auc(),
            report.overall()));
    for (PatternQuality pattern : report.perPattern().values()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-26s frauds %5d detected %5d recall %.3f precision* %.3f f1* %.3f auc %.4f%n",
              pattern.pattern(),
              pattern.frauds(),
              pattern.detected(),
              pattern.recall(),
              pattern.precision(),
              pattern.f1(),
              pattern.auc()));
    }
    return out.append("  * as if the pattern were the only fraud (see PatternQuality)").toString();
  }
}
