package io.streamsentinel.detection.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocAucTest {

  @Test
  void shouldBeOneWhenEveryFraudOutscoresEveryLegitimateTransaction() {
    assertThat(RocAuc.of(new double[] {0.9, 0.8}, new double[] {0.1, 0.2, 0.7})).isEqualTo(1.0);
  }

  @Test
  void shouldBeZeroWhenTheRankingIsReversed() {
    assertThat(RocAuc.of(new double[] {0.1}, new double[] {0.5, 0.9})).isEqualTo(0.0);
  }

  @Test
  void shouldCountTiesAsOneHalf() {
    assertThat(RocAuc.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5, 0.5})).isEqualTo(0.5);
    // 0.5 vs {0.0, 0.5}: 1 + 0.5; 1.0 vs both: 2 -> 3.5 / 4
    assertThat(RocAuc.of(new double[] {0.5, 1.0}, new double[] {0.0, 0.5})).isEqualTo(0.875);
  }

  @Test
  void shouldBeUndefinedWithoutPositivesOrNegatives() {
    assertThat(RocAuc.of(new double[0], new double[] {0.1})).isNaN();
    assertThat(RocAuc.of(new double[] {0.1}, new double[0])).isNaN();
  }

  @Test
  void shouldAgreeWithCountingEveryPair() {
    Random random = new Random(3);
    double[] positives = new double[300];
    double[] negatives = new double[700];
    for (int i = 0; i < positives.length; i++) {
      positives[i] = Math.round(random.nextDouble() * 10) / 10.0 + 0.1;
    }
    for (int i = 0; i < negatives.length; i++) {
      negatives[i] = Math.round(random.nextDouble() * 10) / 10.0;
    }
    double wins = 0;
    for (double p : positives) {
      for (double n : negatives) {
        wins += p > n ? 1 : p == n ? 0.5 : 0;
      }
    }

    assertThat(RocAuc.of(positives, negatives))
        .isCloseTo(wins / (positives.length * (double) negatives.length), within(1e-12));
  }
}
