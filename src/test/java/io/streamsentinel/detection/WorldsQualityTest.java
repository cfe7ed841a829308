package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.generator.World;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules-only quality on the five tuning worlds (default, harbor, fjord, mesa, savanna) for the
 * shipped rules ({@code default-5}) and three sets before them, kept as test resources: the
 * all-or-nothing {@code default-1}, the user-relative {@code default-3} and the surprisal set with
 * fitted weights {@code default-4}, each on the same 200,000 events of seed 42. {@code default-5}'s
 * channel priors were picked on all five worlds (this seed and window), so these figures are not a
 * held-out claim: that is {@link LeaveOneWorldOutTest} (each world scored with priors picked
 * without it), and a world the rules never saw ({@link SteppeBlindQualityTest}). Prints the figures
 * the README quotes. The steppe world is left out: it is held out for a blind evaluation.
 */
class WorldsQualityTest {

  private static final long SEED = 42;
  private static final int EVENTS = 200_000;

  private static final Map<String, QualityReport> REPORTS = new HashMap<>();

  @BeforeAll
  static void scoreEveryWorldWithEveryRuleSet() {
    RuleSet[] sets = {
      RuleSetCodec.loadDefault(),
      RulesOnlyQuality.resource("default-4"),
      RulesOnlyQuality.resource("default-3"),
      RulesOnlyQuality.resource("default-1")
    };
    for (World world : World.values()) {
      if (world == World.STEPPE) {
        continue; // held out for a blind evaluation: SteppeBlindQualityTest
      }
      for (RuleSet rules : sets) {
        QualityReport r = RulesOnlyQuality.score(world, rules, SEED, 0, EVENTS);
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

  private static QualityReport report(String world, String rules) {
    return REPORTS.get(world + "/" + rules);
  }

  private static double auc(String world, String rules) {
    return report(world, rules).auc();
  }

  @Test
  void shouldShipTheFifthRuleSet() {
    assertThat(RuleSetCodec.loadDefault().version()).isEqualTo("default-5");
  }

  @Test
  void shouldLoseNoMoreThanTwoHundredthsOfAucOnTheDefaultWorld() {
    for (String version : new String[] {"default-3", "default-4", "default-5"}) {
      assertThat(auc("default", version))
          .as(version)
          .isGreaterThanOrEqualTo(auc("default", "default-1") - 0.02);
    }
    // Measured: default-1 0.9720, default-4 0.9788, default-5 0.9827.
    assertThat(auc("default", "default-5")).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void shouldKeepPrecisionAtTheAlertThresholdOnTheDefaultWorld() {
    // Measured (precision / recall at 0.5): default-4 0.790 / 0.866, default-5 0.795 / 0.866.
    assertThat(report("default", "default-5").precision())
        .isGreaterThanOrEqualTo(report("default", "default-4").precision());
    assertThat(report("default", "default-5").recall()).isGreaterThanOrEqualTo(0.86);
  }

  @Test
  void shouldRankHarborFraudAsMeasured() {
    // Measured: default-1 0.5579, default-3 0.9102, default-4 0.9146, default-5 0.9285.
    assertThat(auc("harbor", "default-1")).isLessThan(0.65);
    assertThat(auc("harbor", "default-3")).isGreaterThanOrEqualTo(0.90);
    assertThat(auc("harbor", "default-5")).isGreaterThan(auc("harbor", "default-4"));
    assertThat(auc("harbor", "default-5")).isGreaterThanOrEqualTo(0.925);
  }

  @Test
  void shouldRankFjordFraudAsMeasured() {
    // Measured: default-1 0.5815, default-3 0.9390, default-4 0.9235, default-5 0.9133 (the price
    // of weights no longer fitted to the worlds).
    assertThat(auc("fjord", "default-1")).isLessThan(0.65);
    assertThat(auc("fjord", "default-3")).isGreaterThanOrEqualTo(0.93);
    assertThat(auc("fjord", "default-5")).isGreaterThanOrEqualTo(0.91);
  }

  @Test
  void shouldRankMesaFraudBetterThanTheSetMeasuredBlindOnIt() {
    // Measured: default-3 0.7436 (blind, MesaBlindQualityTest), default-4 0.8258, default-5 0.8264.
    assertThat(auc("mesa", "default-5")).isGreaterThanOrEqualTo(0.825);
    assertThat(auc("mesa", "default-5")).isGreaterThan(auc("mesa", "default-3") + 0.05);
  }

  @Test
  void shouldRankSavannaFraudBetterThanTheSetMeasuredBlindOnIt() {
    // Measured: default-3 0.8800, default-4 0.8682 (blind, SavannaBlindQualityTest), default-5
    // 0.9072 (its channel priors picked with savanna among the worlds).
    assertThat(auc("savanna", "default-5")).isGreaterThanOrEqualTo(0.905);
    assertThat(auc("savanna", "default-5")).isGreaterThan(auc("savanna", "default-4") + 0.03);
  }
}
