package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.quality.DetectionQuality;
import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.generator.World;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules-only quality on the built-in world the rules were tuned on and on the held-out harbor and
 * fjord worlds they were never tuned on, for the shipped rules and for the all-or-nothing rules
 * they replaced ({@code default-1}, kept as a test resource), each on the same 200,000 events of
 * seed 42. Prints the figures the README quotes. The mesa world is left out on purpose: it is held
 * out for a blind evaluation, measured once after the rules are final.
 */
class WorldsQualityTest {

  private static final long SEED = 42;
  private static final int EVENTS = 200_000;

  private static final Map<String, QualityReport> REPORTS = new HashMap<>();

  @BeforeAll
  static void scoreBothWorldsWithBothRuleSets() throws IOException {
    RuleSet shipped = RuleSetCodec.loadDefault();
    RuleSet former;
    try (InputStream in = WorldsQualityTest.class.getResourceAsStream("/rules/default-1.json")) {
      former = RuleSetCodec.parse("default-1.json", in.readAllBytes());
    }
    for (World world : World.values()) {
      if (world == World.MESA) {
        continue; // blind: measured once, after the rules are final
      }
      for (RuleSet rules : new RuleSet[] {shipped, former}) {
        QualityReport r = score(world, rules);
        REPORTS.put(world.wireName() + "/" + rules.version(), r);
        System.out.printf(
            Locale.ROOT,
            "rules %-9s on world %-7s: ROC AUC %.4f, precision %.3f, recall %.3f at 0.5%n",
            rules.version(),
            world.wireName(),
            r.auc(),
            r.precision(),
            r.recall());
      }
    }
  }

  private static QualityReport score(World world, RuleSet rules) {
    TransactionSimulator simulator =
        new TransactionSimulator(GeneratorSettings.withSeed(SEED).withWorld(world));
    FraudDetector detector = FraudDetector.of(rules);
    Map<String, UserProfile> profiles = new HashMap<>();
    DetectionQuality quality = new DetectionQuality();
    for (int i = 0; i < EVENTS; i++) {
      Transaction tx = simulator.next();
      UserProfile before = profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId()));
      FraudDetector.Assessment a = detector.assess(tx, before, AccountStatus.ACTIVE);
      profiles.put(tx.userId(), a.profile());
      quality.add(
          a.decision().score(),
          Boolean.TRUE.equals(a.decision().isFraud()),
          a.decision().fraudPattern());
    }
    return quality.report(Decision.DEFAULT_ALERT_THRESHOLD);
  }

  private static double auc(String world, String rules) {
    return REPORTS.get(world + "/" + rules).auc();
  }

  @Test
  void shouldLoseNoMoreThanTwoHundredthsOfAucOnTheDefaultWorld() {
    assertThat(auc("default", "default-2"))
        .isGreaterThanOrEqualTo(auc("default", "default-1") - 0.02);
  }

  @Test
  void shouldRankTheBlindWorldsFraudFarBetterThanTheAllOrNothingRules() {
    // Measured once, blind (its fraud unknown to whoever wrote the rules): 0.8590 against 0.5815.
    assertThat(auc("fjord", "default-1")).isLessThan(0.65);
    assertThat(auc("fjord", "default-2")).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void shouldRankTheHeldOutWorldsFraudFarBetterThanTheAllOrNothingRules() {
    // Measured once, blind: 0.8115 against 0.5579. The target is 0.90: not met (README).
    assertThat(auc("harbor", "default-1")).isLessThan(0.65);
    assertThat(auc("harbor", "default-2")).isGreaterThanOrEqualTo(0.80);
  }
}
