package io.streamsentinel.detection.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DetectionQualityTest {

  /** 2 of 3 card-testing frauds caught, 0 of 1 takeover, 1 false alarm among 4 legitimate. */
  private static DetectionQuality sample() {
    DetectionQuality quality = new DetectionQuality();
    quality.add(0.9, true, "card_testing");
    quality.add(0.6, true, "card_testing");
    quality.add(0.2, true, "card_testing");
    quality.add(0.4, true, "account_takeover");
    quality.add(0.7, false, null);
    quality.add(0.3, false, null);
    quality.add(0.0, false, "ignored_for_legitimate");
    quality.add(0.0, false, null);
    return quality;
  }

  @Test
  void shouldCountTheConfusionMatrixAtTheThreshold() {
    QualityReport report = sample().report(0.5);

    assertThat(report.overall()).isEqualTo(new ConfusionMatrix(2, 1, 3, 2));
    assertThat(report.decisions()).isEqualTo(8);
    assertThat(report.precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(report.recall()).isCloseTo(0.5, within(1e-12));
    assertThat(report.f1()).isCloseTo(2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), within(1e-12));
  }

  @Test
  void shouldCountAScoreEqualToTheThresholdAsAnAlert() {
    assertThat(sample().report(0.6).overall().truePositives()).isEqualTo(2);
    assertThat(sample().report(0.61).overall().truePositives()).isEqualTo(1);
  }

  @Test
  void shouldComputeTheAucOfAllFraudsAgainstAllLegitimateTransactions() {
    // frauds {0.9, 0.6, 0.2, 0.4} vs legitimate {0.7, 0.3, 0.0, 0.0}: 4 + 3 + 2 + 3 = 12 of 16
    assertThat(sample().report(0.5).auc()).isCloseTo(12.0 / 16, within(1e-12));
  }

  @Test
  void shouldReportEachPatternAgainstAllLegitimateTransactions() {
    QualityReport report = sample().report(0.5);

    assertThat(report.perPattern()).containsOnlyKeys("account_takeover", "card_testing");
    PatternQuality cardTesting = report.perPattern().get("card_testing");
    assertThat(cardTesting.frauds()).isEqualTo(3);
    assertThat(cardTesting.detected()).isEqualTo(2);
    assertThat(cardTesting.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(cardTesting.precision())
        .as("2 caught, 1 false alarm")
        .isCloseTo(2.0 / 3, within(1e-12));
    assertThat(cardTesting.auc()).isCloseTo((4 + 3 + 2) / 12.0, within(1e-12));
    PatternQuality takeover = report.perPattern().get("account_takeover");
    assertThat(takeover.recall()).isZero();
    assertThat(takeover.precision()).isZero();
    assertThat(takeover.f1()).isZero();
  }

  @Test
  void shouldFileFraudsWithoutAPatternUnderUnspecified() {
    DetectionQuality quality = new DetectionQuality();
    quality.add(0.8, true, " ");
    quality.add(0.8, true, null);

    assertThat(quality.report(0.5).perPattern())
        .containsOnlyKeys(DetectionQuality.UNSPECIFIED_PATTERN);
    assertThat(quality.count()).isEqualTo(2);
  }

  @Test
  void shouldReportZeroRatiosAndUndefinedAucWhenThereIsNothingToCompare() {
    QualityReport report = new DetectionQuality().report(0.5);

    assertThat(report.precision()).isZero();
    assertThat(report.recall()).isZero();
    assertThat(report.f1()).isZero();
    assertThat(report.auc()).isNaN();
  }

  @Test
  void shouldRejectScoresOutsideZeroToOne() {
    assertThatThrownBy(() -> new DetectionQuality().add(1.5, true, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldReportTheSameFromHistogramCellsAsFromSingleScores() {
    DetectionQuality cells = new DetectionQuality();
    cells.add(0.9, true, "card_testing", 1);
    cells.add(0.6, true, "card_testing", 1);
    cells.add(0.2, true, "card_testing", 1);
    cells.add(0.4, true, "account_takeover", 1);
    cells.add(0.7, false, null, 1);
    cells.add(0.3, false, null, 1);
    cells.add(0.0, false, null, 2);
    cells.add(0.5, true, "unused", 0);

    for (double threshold : new double[] {0.0, 0.3, 0.5, 0.7, 1.0}) {
      assertThat(cells.report(threshold)).isEqualTo(sample().report(threshold));
    }
    assertThat(cells.count()).isEqualTo(8);
  }

  @Test
  void shouldGrowPastTheInitialCapacityForLargeCells() {
    DetectionQuality quality = new DetectionQuality();
    quality.add(0.8, true, "card_testing", 5_000);
    quality.add(0.1, false, null, 20_000);

    QualityReport report = quality.report(0.5);
    assertThat(report.overall()).isEqualTo(new ConfusionMatrix(5_000, 0, 20_000, 0));
    assertThat(report.auc()).isEqualTo(1.0);
    assertThatThrownBy(() -> quality.add(0.1, false, null, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
