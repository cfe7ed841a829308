package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.generator.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules-only quality on the world {@code savanna}, built by an engineer who told the rule authors
 * nothing of its fraud, and measured here once, after {@code default-4} was final: the historical
 * record of the held-out claim for {@code default-4}, kept true by loading {@code default-4} and
 * {@code default-3} from the test resources. Seed 42's first 200,000 events for both (the protocol
 * of {@link WorldsQualityTest}), and for {@code default-4} also seeds 7 and 99 and the next window
 * (events 200,000-400,000, profiles carried over). Savanna is no longer sealed: {@code default-5}'s
 * channel priors were picked with it among the worlds ({@link WorldsQualityTest}). The assertions
 * hold what was measured.
 */
class SavannaBlindQualityTest {

  private static final int WINDOW = 200_000;
  private static final long[] SEEDS = {42, 7, 99};

  private static QualityReport default3;
  private static final QualityReport[][] DEFAULT4 = new QualityReport[3][2];

  @BeforeAll
  static void measure() {
    default3 =
        RulesOnlyQuality.score(
            World.SAVANNA, RulesOnlyQuality.resource("default-3"), 42, 0, WINDOW);
    RulesOnlyQuality.print(World.SAVANNA, "default-3", 42, 0, default3, true);
    RuleSet blind = RulesOnlyQuality.resource("default-4");
    for (int s = 0; s < SEEDS.length; s++) {
      for (int w = 0; w < 2; w++) {
        DEFAULT4[s][w] =
            RulesOnlyQuality.score(World.SAVANNA, blind, SEEDS[s], w * WINDOW, (w + 1) * WINDOW);
        RulesOnlyQuality.print(World.SAVANNA, blind.version(), SEEDS[s], w, DEFAULT4[s][w], true);
      }
    }
  }

  @Test
  void shouldRankTheSealedWorldsFraudAsMeasuredOnceBlind() {
    // Measured once, blind, seed 42, events 0-200k: default-3 0.8800, default-4 0.8682. The
    // issue's target is 0.90: not met, and default-4 does not beat default-3 on this world.
    assertThat(default3.auc()).isGreaterThanOrEqualTo(0.879);
    assertThat(DEFAULT4[0][0].auc()).isGreaterThanOrEqualTo(0.867);
  }

  @Test
  void shouldHoldOnOtherSeedsAndTheLaterWindow() {
    // Measured once: seed 42 0.8682 / 0.8835, seed 7 0.8697 / 0.8987, seed 99 0.8766 / 0.8939
    // (events 0-200k / 200k-400k).
    for (QualityReport[] seed : DEFAULT4) {
      assertThat(seed[0].auc()).isGreaterThanOrEqualTo(0.867);
      assertThat(seed[1].auc()).isGreaterThanOrEqualTo(0.882);
    }
  }
}
