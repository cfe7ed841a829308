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
 * Rules-only quality on the four tuning worlds (default, harbor, fjord, mesa) for the shipped rules
 * ({@code default-4}) and the three sets before them, kept as test resources: the all-or-nothing
 * {@code default-1}, the first graded set {@code default-2} and the user-relative {@code
 * default-3}, each on the same 200,000 events of seed 42. {@code default-4}'s weights were fitted
 * on all four worlds (this seed and window), so these figures are not a held-out claim: that is
 * {@link LeaveOneWorldOutTest} (each world scored with weights fitted without it), and a world the
 * rules never saw ({@link SavannaBlindQualityTest}). Prints the figures the README quotes. The
 * savanna world is left out: no rule set is tuned on it; so is steppe, held out for a blind
 * evaluation.
 */
class WorldsQualityTest {

  private static final long SEED = 42;
  private static final int EVENTS = 200_000;

  private static final Map<String, QualityReport> REPORTS = new HashMap<>();

  @BeforeAll
  static void scoreEveryWorldWithEveryRuleSet() {
    RuleSet[] sets = {
      RuleSetCodec.loadDefault(),
      RulesOnlyQuality.resource("default-3"),
      RulesOnlyQuality.resource("default-2"),
      RulesOnlyQuality.resource("default-1")
    };
    for (World world : World.values()) {
      if (world == World.SAVANNA || world == World.STEPPE) {
        continue; // not tuning worlds: savanna measured once, blind; steppe held out, never scored
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
  void shouldShipTheFourthRuleSet() {
    assertThat(RuleSetCodec.loadDefault().version()).isEqualTo("default-4");
  }

  @Test
  void shouldLoseNoMoreThanTwoHundredthsOfAucOnTheDefaultWorld() {
    for (String version : new String[] {"default-2", "default-3", "default-4"}) {
      assertThat(auc("default", version))
          .as(version)
          .isGreaterThanOrEqualTo(auc("default", "default-1") - 0.02);
    }
    // Measured: default-4 0.9788.
    assertThat(auc("default", "default-4")).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void shouldKeepPrecisionAtTheAlertThresholdOnTheDefaultWorld() {
    // Measured: default-3 0.762 / 0.872, default-4 0.790 / 0.866 (precision / recall at 0.5).
    assertThat(report("default", "default-4").precision())
        .isGreaterThanOrEqualTo(report("default", "default-3").precision());
    assertThat(report("default", "default-4").recall()).isGreaterThanOrEqualTo(0.86);
  }

  @Test
  void shouldRankHarborFraudAsMeasured() {
    // Measured: default-1 0.5579, default-2 0.8115, default-3 0.9102, default-4 0.9146.
    assertThat(auc("harbor", "default-1")).isLessThan(0.65);
    assertThat(auc("harbor", "default-2")).isGreaterThanOrEqualTo(0.80);
    assertThat(auc("harbor", "default-3")).isGreaterThanOrEqualTo(0.90);
    assertThat(auc("harbor", "default-4")).isGreaterThanOrEqualTo(0.91);
  }

  @Test
  void shouldRankFjordFraudAsMeasured() {
    // Measured: default-1 0.5815, default-2 0.8590, default-3 0.9390, default-4 0.9235.
    assertThat(auc("fjord", "default-1")).isLessThan(0.65);
    assertThat(auc("fjord", "default-2")).isGreaterThanOrEqualTo(0.85);
    assertThat(auc("fjord", "default-3")).isGreaterThanOrEqualTo(0.92);
    assertThat(auc("fjord", "default-4")).isGreaterThanOrEqualTo(0.92);
  }

  @Test
  void shouldRankMesaFraudBetterThanTheSetMeasuredBlindOnIt() {
    // Measured: default-3 0.7436 (blind, MesaBlindQualityTest), default-4 0.8258 (tuned on mesa).
    assertThat(auc("mesa", "default-4")).isGreaterThanOrEqualTo(0.82);
    assertThat(auc("mesa", "default-4")).isGreaterThan(auc("mesa", "default-3") + 0.05);
  }
}
