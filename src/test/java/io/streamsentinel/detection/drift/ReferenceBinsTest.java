package io.streamsentinel.detection.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reference histograms: deciles of the training values, equal edges merged, NaN apart. */
class ReferenceBinsTest {

  private static double[] range(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i + 1;
    }
    return v;
  }

  @Test
  void shouldCutAContinuousInputIntoTenEqualBins() {
    ReferenceBins bins = ReferenceBins.of(range(1_000));

    assertThat(bins.cuts()).containsExactly(100, 200, 300, 400, 500, 600, 700, 800, 900);
    assertThat(bins.size()).isEqualTo(11);
    for (int i = 0; i < 10; i++) {
      assertThat(bins.fraction(i)).isCloseTo(0.1, within(1e-12));
    }
    assertThat(bins.fraction(10)).isZero(); // no NaN
  }

  @Test
  void shouldGiveAZeroOneFlagTwoBins() {
    double[] flags = new double[1_000];
    Arrays.fill(flags, 0, 950, 0.0);
    Arrays.fill(flags, 950, 1_000, 1.0);

    ReferenceBins bins = ReferenceBins.of(flags);

    assertThat(bins.cuts()).containsExactly(0.0);
    assertThat(bins.fractions()).containsExactly(0.95, 0.05, 0.0);
    assertThat(bins.bin(0)).isZero();
    assertThat(bins.bin(1)).isEqualTo(1);
  }

  @Test
  void shouldKeepATiedValueInOneBin() {
    // A count that is 1 for 60 % of the rows: no cut splits the ones.
    double[] counts = new double[1_000];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = i < 600 ? 1 : i - 598;
    }

    ReferenceBins bins = ReferenceBins.of(counts);

    assertThat(bins.cuts()[0]).isEqualTo(1.0);
    assertThat(bins.fraction(bins.bin(1))).isCloseTo(0.6, within(1e-12));
    assertThat(bins.cuts()).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void shouldCountNanInItsOwnBin() {
    double[] values = range(100);
    values[3] = Double.NaN;
    values[7] = Double.NaN;

    ReferenceBins bins = ReferenceBins.of(values);

    assertThat(bins.bin(Double.NaN)).isEqualTo(bins.size() - 1);
    assertThat(bins.fraction(bins.size() - 1)).isCloseTo(0.02, within(1e-12));
    assertThat(Arrays.stream(bins.fractions()).sum()).isCloseTo(1, within(1e-9));
  }

  @Test
  void shouldGiveAConstantInputOneCutWithEverythingAtOrBelowIt() {
    double[] constant = new double[50];
    Arrays.fill(constant, 7.5);

    ReferenceBins bins = ReferenceBins.of(constant);

    assertThat(bins.cuts()).containsExactly(7.5);
    assertThat(bins.bin(7.5)).isZero();
    assertThat(bins.bin(8)).isEqualTo(1);
    assertThat(bins.fraction(1)).isZero();
  }

  @Test
  void shouldPutValuesOutsideTheTrainingRangeInTheOuterBins() {
    ReferenceBins bins = ReferenceBins.of(range(1_000));

    assertThat(bins.bin(-1e9)).isZero();
    assertThat(bins.bin(1e9)).isEqualTo(9);
    assertThat(bins.bin(Double.POSITIVE_INFINITY)).isEqualTo(9);
    assertThat(bins.bin(100)).isZero(); // an edge belongs to the bin below it
    assertThat(bins.bin(100.5)).isEqualTo(1);
  }

  @Test
  void shouldRefuseFractionsThatDoNotSumToOne() {
    assertThatThrownBy(() -> new ReferenceBins(new double[] {1}, new double[] {0.5, 0.4, 0}))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(() -> new ReferenceBins(new double[] {2, 1}, new double[] {1, 0, 0, 0}))
        .hasMessageContaining("strictly increasing");
  }
}
