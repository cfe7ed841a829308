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
 * Rules-only quality on the default, harbor and fjord worlds for the shipped rules ({@code
 * default-3}) and the two sets before them, kept as test resources: the all-or-nothing {@code
 * default-1} and the first graded set {@code default-2}, each on the same 200,000 events of seed
 * 42. {@code default-3} was tuned on these three worlds (this seed and window), so the figures here
 * are not a held-out claim; the README gives the other seeds and a later window. Prints the figures
 * the README quotes. The mesa world is left out: it is held out for a blind evaluation ({@link
 * MesaBlindQualityTest}); so is the savanna world, which has not been measured yet.
 */
class WorldsQualityTest {

  private static final long SEED = 42;
  private static final int EVENTS = 200_000;

  private static final Map<String, QualityReport> REPORTS = new HashMap<>();

  @BeforeAll
  static void scoreBothWorldsWithBothRuleSets() {
    RuleSet[] sets = {
      RuleSetCodec.loadDefault(),
      RulesOnlyQuality.resource("default-2"),
      RulesOnlyQuality.resource("default-1")
    };
    for (World world : World.values()) {
      if (world == World.MESA) {
        continue; // blind: measured once, after the rules are final (MesaBlindQualityTest)
      }
      if (world == World.SAVANNA) {
        continue; // held out for a blind evaluation: never scored while rules are tuned
      }
      for (RuleSet rules : sets) {
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
    return RulesOnlyQuality.score(world, rules, SEED, 0, EVENTS);
  }

  private static QualityReport report(String world, String rules) {
    return REPORTS.get(world + "/" + rules);
  }

  private static double auc(String world, String rules) {
    return report(world, rules).auc();
  }

  @Test
  void shouldShipTheThirdRuleSet() {
    assertThat(RuleSetCodec.loadDefault().version()).isEqualTo("default-3");
  }

  @Test
  void shouldLoseNoMoreThanTwoHundredthsOfAucOnTheDefaultWorld() {
    assertThat(auc("default", "default-3"))
        .isGreaterThanOrEqualTo(auc("default", "default-1") - 0.02);
    assertThat(auc("default", "default-2"))
        .isGreaterThanOrEqualTo(auc("default", "default-1") - 0.02);
  }

  @Test
  void shouldKeepPrecisionAtTheAlertThresholdOnTheDefaultWorld() {
    // Measured: default-2 0.733, default-3 0.762 (recall 0.870 and 0.872).
    assertThat(report("default", "default-3").precision()).isGreaterThanOrEqualTo(0.73);
    assertThat(report("default", "default-3").recall()).isGreaterThanOrEqualTo(0.86);
  }

  @Test
  void shouldRankHarborFraudAtLeastAsWellAsTheTarget() {
    // Measured: default-1 0.5579, default-2 0.8115, default-3 0.9102 (tuned on this world).
    assertThat(auc("harbor", "default-1")).isLessThan(0.65);
    assertThat(auc("harbor", "default-2")).isGreaterThanOrEqualTo(0.80);
    assertThat(auc("harbor", "default-3")).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void shouldRankFjordFraudAtLeastAsWellAsTheTarget() {
    // Measured: default-1 0.5815, default-2 0.8590, default-3 0.9390 (tuned on this world).
    assertThat(auc("fjord", "default-1")).isLessThan(0.65);
    assertThat(auc("fjord", "default-2")).isGreaterThanOrEqualTo(0.85);
    assertThat(auc("fjord", "default-3")).isGreaterThanOrEqualTo(0.92);
  }
}
