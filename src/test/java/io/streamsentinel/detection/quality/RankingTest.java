package io.streamsentinel.detection.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Ranking figures worked out by hand on eight scores with ties, ranked:
 *
 * <pre>
 * score  0.9  0.7  0.7  0.5  0.5  0.5  0.2  0.1
 * fraud   y    n    y    y    n    n    y    n
 * </pre>
 */
class RankingTest {

  private static final double[] SCORES = {0.9, 0.7, 0.7, 0.5, 0.5, 0.5, 0.2, 0.1};
  private static final boolean[] FRAUD = {true, false, true, true, false, false, true, false};

  /** The same examples in another order, ties shuffled. */
  private static final double[] SHUFFLED_SCORES = {0.5, 0.1, 0.7, 0.5, 0.2, 0.9, 0.7, 0.5};

  private static final boolean[] SHUFFLED_FRAUD = {
    false, false, true, true, true, true, false, false
  };

  private static final Ranking RANKING = Ranking.of(SCORES, FRAUD);

  @Test
  void shouldScoreAPerfectRankingOne() {
    Ranking perfect =
        Ranking.of(
            new double[] {0.1, 0.95, 0.3, 0.8, 0.2},
            new boolean[] {false, true, false, true, false});

    assertThat(perfect.rocAuc()).isEqualTo(1.0);
    assertThat(perfect.prAuc()).isEqualTo(1.0);
    assertThat(perfect.frauds()).isEqualTo(2);
    assertThat(perfect.total()).isEqualTo(5);
  }

  @Test
  void shouldTakeTiedScoresAsOneStepOfAveragePrecision() {
    // step 0.9: +1 fraud at precision 1/1; 0.7: +1 at 2/3; 0.5: +1 at 3/6; 0.2: +1 at 4/7
    double expected = (1.0 / 4) * (1.0 + 2.0 / 3 + 3.0 / 6 + 4.0 / 7);

    assertThat(RANKING.prAuc()).isCloseTo(expected, within(1e-12));
    assertThat(Ranking.of(SHUFFLED_SCORES, SHUFFLED_FRAUD).prAuc())
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void shouldCountTiesAsHalfInRocAuc() {
    // frauds 0.9, 0.7, 0.5, 0.2 against 0.7, 0.5, 0.5, 0.1: 4 + 3.5 + 2 + 1 of 16 pairs
    assertThat(RANKING.rocAuc()).isEqualTo(10.5 / 16);
  }

  @Test
  void shouldCountAlertsAtAThresholdInclusively() {
    assertThat(RANKING.at(0.5)).isEqualTo(new ConfusionMatrix(3, 3, 1, 1));
    assertThat(RANKING.at(0.7)).isEqualTo(new ConfusionMatrix(2, 1, 3, 2));
    assertThat(RANKING.at(0.71)).isEqualTo(new ConfusionMatrix(1, 0, 4, 3));
    assertThat(RANKING.at(1.0)).isEqualTo(new ConfusionMatrix(0, 0, 4, 4));
    assertThat(RANKING.at(0.0)).isEqualTo(new ConfusionMatrix(4, 4, 0, 0));
    assertThat(RANKING.at(0.5).precision()).isEqualTo(0.5);
    assertThat(RANKING.at(0.5).recall()).isEqualTo(0.75);
  }

  @Test
  void shouldPickTheHighestThresholdReachingARecallWithTiesKeptTogether() {
    // 3 of 4 frauds are reached only once the whole 0.5 group is in
    assertThat(RANKING.thresholdForRecall(0.75)).isEqualTo(0.5);
    assertThat(RANKING.thresholdForRecall(0.5)).isEqualTo(0.7);
    assertThat(RANKING.thresholdForRecall(0.6)).isEqualTo(0.5); // 2.4 frauds: needs 3
    assertThat(RANKING.thresholdForRecall(0.25)).isEqualTo(0.9);
    assertThat(RANKING.thresholdForRecall(1.0)).isEqualTo(0.2);
  }

  @Test
  void shouldGiveThePrecisionAtThatThreshold() {
    assertThat(RANKING.precisionAtRecall(0.75)).isEqualTo(3.0 / 6);
    assertThat(RANKING.precisionAtRecall(0.5)).isEqualTo(2.0 / 3);
    assertThat(RANKING.precisionAtRecall(0.25)).isEqualTo(1.0);
    assertThat(RANKING.precisionAtRecall(1.0)).isEqualTo(4.0 / 7);
  }

  @Test
  void shouldNotAskForOneFraudTooManyWhenRecallTimesFraudsIsWhole() {
    // 0.07 * 100 is 7.000000000000001 in binary floating point; 7 frauds are 7 % recall
    double[] scores = new double[200];
    boolean[] fraud = new boolean[200];
    for (int i = 0; i < 200; i++) {
      scores[i] = (200 - i) / 200.0;
      fraud[i] = i % 2 == 0; // frauds at ranks 1, 3, 5, ...: the 7th is at rank 13
    }
    Ranking ranking = Ranking.of(scores, fraud);

    assertThat(ranking.frauds()).isEqualTo(100);
    assertThat(ranking.thresholdForRecall(0.07)).isEqualTo(scores[12]);
    assertThat(ranking.at(scores[12]).truePositives()).isEqualTo(7);
  }

  @Test
  void shouldBeUndefinedWithoutFrauds() {
    Ranking none = Ranking.of(new double[] {0.3, 0.6}, new boolean[] {false, false});

    assertThat(none.rocAuc()).isNaN();
    assertThat(none.prAuc()).isNaN();
    assertThat(none.thresholdForRecall(0.8)).isNaN();
    assertThat(none.precisionAtRecall(0.8)).isNaN();
    assertThat(none.at(0.5)).isEqualTo(new ConfusionMatrix(0, 1, 1, 0));
  }

  @Test
  void shouldRefuseScoresAndLabelsOfDifferentLengths() {
    assertThatThrownBy(() -> Ranking.of(new double[] {0.1, 0.2}, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differ in length");
  }
}
