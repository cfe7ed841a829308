package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.generator.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules-only quality on the world {@code mesa}, built by an engineer who told the rule authors
 * nothing of its fraud, and measured here once, after {@code default-3} was final: the historical
 * record of that blind measurement, kept true by loading {@code default-3} from the test resources.
 * Mesa is no longer sealed: {@code default-4} and {@code default-5} were tuned on it; their mesa
 * figures are asserted in {@link WorldsQualityTest}. Seed 42's first 200,000 events for the three
 * rule sets (the protocol of {@link WorldsQualityTest}), and for {@code default-3} also seeds 7 and
 * 99 and the next window (events 200,000-400,000, profiles carried over). The assertions hold what
 * was measured, so a change that loses ground on this world fails; the target (0.90) is not
 * met.
 */
class MesaBlindQualityTest {

  private static final int WINDOW = 200_000;

  private static QualityReport default1;
  private static QualityReport default2;
  private static final QualityReport[][] DEFAULT3 = new QualityReport[3][2];
  private static final long[] SEEDS = {42, 7, 99};

  @BeforeAll
  static void measure() {
    default1 =
        RulesOnlyQuality.score(World.MESA, RulesOnlyQuality.resource("default-1"), 42, 0, WINDOW);
    default2 =
        RulesOnlyQuality.score(World.MESA, RulesOnlyQuality.resource("default-2"), 42, 0, WINDOW);
    RuleSet blind = RulesOnlyQuality.resource("default-3");
    for (int s = 0; s < SEEDS.length; s++) {
      for (int w = 0; w < 2; w++) {
        DEFAULT3[s][w] =
            RulesOnlyQuality.score(World.MESA, blind, SEEDS[s], w * WINDOW, (w + 1) * WINDOW);
        RulesOnlyQuality.print(World.MESA, blind.version(), SEEDS[s], w, DEFAULT3[s][w], false);
      }
    }
    RulesOnlyQuality.print(World.MESA, "default-2", 42, 0, default2, false);
    RulesOnlyQuality.print(World.MESA, "default-1", 42, 0, default1, false);
  }

  @Test
  void shouldRankTheSealedWorldsFraudAsMeasuredOnceBlind() {
    // Measured once, blind, seed 42, events 0-200k: default-1 0.5033, default-2 0.7168,
    // default-3 0.7436. The target is 0.90: not met.
    assertThat(default1.auc()).isLessThan(0.55);
    assertThat(default2.auc()).isGreaterThanOrEqualTo(0.71);
    assertThat(DEFAULT3[0][0].auc()).isGreaterThanOrEqualTo(0.74);
  }

  @Test
  void shouldHoldOnOtherSeedsAndTheLaterWindow() {
    // Measured once: seed 42 0.7436 / 0.7657, seed 7 0.7554 / 0.7674, seed 99 0.7270 / 0.7476
    // (events 0-200k / 200k-400k).
    for (QualityReport[] seed : DEFAULT3) {
      assertThat(seed[0].auc()).isGreaterThanOrEqualTo(0.72);
      assertThat(seed[1].auc()).isGreaterThanOrEqualTo(0.74);
    }
  }
}
