package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.generator.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules-only quality on the sealed world {@code steppe}, built by an engineer who told the rule
 * author nothing of its fraud, and measured here once, after {@code default-5} was final: the
 * issue's held-out claim for {@code default-5}. Seed 42's first 200,000 events for the two former
 * sets and the shipped one (the protocol of {@link WorldsQualityTest}), and for the shipped one
 * also seeds 7 and 99 and the next window (events 200,000-400,000, profiles carried over). The
 * assertions hold what was measured, so a change that loses ground on this world fails.
 */
class SteppeBlindQualityTest {

  private static final int WINDOW = 200_000;
  private static final long[] SEEDS = {42, 7, 99};

  private static QualityReport default3;
  private static QualityReport default4;
  private static final QualityReport[][] SHIPPED = new QualityReport[3][2];

  @BeforeAll
  static void measure() {
    default3 =
        RulesOnlyQuality.score(World.STEPPE, RulesOnlyQuality.resource("default-3"), 42, 0, WINDOW);
    RulesOnlyQuality.print(World.STEPPE, "default-3", 42, 0, default3, true);
    default4 =
        RulesOnlyQuality.score(World.STEPPE, RulesOnlyQuality.resource("default-4"), 42, 0, WINDOW);
    RulesOnlyQuality.print(World.STEPPE, "default-4", 42, 0, default4, true);
    RuleSet shipped = RuleSetCodec.loadDefault();
    for (int s = 0; s < SEEDS.length; s++) {
      for (int w = 0; w < 2; w++) {
        SHIPPED[s][w] =
            RulesOnlyQuality.score(World.STEPPE, shipped, SEEDS[s], w * WINDOW, (w + 1) * WINDOW);
        RulesOnlyQuality.print(World.STEPPE, shipped.version(), SEEDS[s], w, SHIPPED[s][w], true);
      }
    }
  }

  @Test
  void shouldRankTheSealedWorldsFraudAsMeasuredOnceBlind() {
    // Measured once, blind, seed 42, events 0-200k: default-3 0.9081, default-4 0.8838, default-5
    // 0.9208. The target is 0.90 on a world the rules were not tuned on: met.
    assertThat(SHIPPED[0][0].auc()).isGreaterThanOrEqualTo(0.92);
    assertThat(SHIPPED[0][0].auc()).isGreaterThan(default4.auc() + 0.03);
    assertThat(default3.auc()).isGreaterThanOrEqualTo(0.908);
  }

  @Test
  void shouldHoldOnOtherSeedsAndTheLaterWindow() {
    // Measured once: seed 42 0.9208 / 0.9402, seed 7 0.9160 / 0.9419, seed 99 0.9286 / 0.9441
    // (events 0-200k / 200k-400k).
    for (QualityReport[] seed : SHIPPED) {
      assertThat(seed[0].auc()).isGreaterThanOrEqualTo(0.915);
      assertThat(seed[1].auc()).isGreaterThanOrEqualTo(0.94);
    }
  }
}
