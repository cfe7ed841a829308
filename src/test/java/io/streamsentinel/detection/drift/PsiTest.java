package io.streamsentinel.detection.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The population stability index against reference shares. */
class PsiTest {

  private static final ReferenceBins HALVES =
      new ReferenceBins(new double[] {0.5}, new double[] {0.5, 0.5, 0});

  @Test
  void shouldBeZeroForTheReferenceDistribution() {
    assertThat(Psi.of(HALVES, new long[] {500, 500, 0}, 0, 1_000)).isCloseTo(0, within(1e-12));
  }

  @Test
  void shouldGiveTheTextbookValueOfAKnownShift() {
    // 50/50 to 80/20: (0.8-0.5)ln(0.8/0.5) + (0.2-0.5)ln(0.2/0.5) = 0.141 + 0.275 = 0.4159
    double expected = 0.3 * Math.log(1.6) + (-0.3) * Math.log(0.4);

    assertThat(Psi.of(HALVES, new long[] {800, 200, 0}, 0, 1_000))
        .isCloseTo(expected, within(1e-12))
        .isCloseTo(0.4159, within(1e-4));
  }

  @Test
  void shouldReadTheCountsAtTheirOffset() {
    long[] counts = {99, 99, 800, 200, 0, 99};

    assertThat(Psi.of(HALVES, counts, 2, 1_000))
        .isCloseTo(Psi.of(HALVES, new long[] {800, 200, 0}, 0, 1_000), within(1e-15));
  }

  @Test
  void shouldGiveABinEmptyInTheReferenceALargeFiniteWeight() {
    // Every live value is NaN, which the reference never saw.
    double psi = Psi.of(HALVES, new long[] {0, 0, 100}, 0, 100);

    assertThat(psi).isFinite().isGreaterThan(5);
  }

  @Test
  void shouldBeNanWithoutLiveObservations() {
    assertThat(Psi.of(HALVES, new long[] {0, 0, 0}, 0, 0)).isNaN();
  }
}
