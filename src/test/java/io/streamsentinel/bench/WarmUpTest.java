package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link WarmUp}: when bench e2e's warm-up ends. */
class WarmUpTest {

  private static final long SECOND = 1_000_000_000L;

  /** A short warm-up for the cases the default's bounds do not matter to. */
  private static final WarmUp SHORT =
      new WarmUp(0, Duration.ofSeconds(10), Duration.ofSeconds(100));

  /**
   * Slices that each take {@code sliceSeconds} on a fake clock and report the next of {@code
   * jitMillis} (the last one repeats); records every slice's number and size.
   */
  private static final class FakeSlices implements WarmUp.Slice {
    final List<String> runs = new ArrayList<>();
    final long[] jitMillis;
    final long sliceSeconds;
    long now;

    FakeSlices(long sliceSeconds, long... jitMillis) {
      this.sliceSeconds = sliceSeconds;
      this.jitMillis = jitMillis;
    }

    @Override
    public Map<String, Double> run(int number, long records) {
      runs.add(number + ":" + records);
      now += sliceSeconds * SECOND;
      double jit = jitMillis[Math.min(number - 1, jitMillis.length - 1)];
      return Map.of("jit_ms", jit, "n", number * 1.0);
    }

    /** Warms up at {@code tps} with these slices, on their own clock. */
    WarmUp.Outcome under(WarmUp warmUp, double tps) throws Exception {
      return warmUp.run(tps, this, () -> now);
    }
  }

  @Test
  void shouldRunSlicesOfTenSecondsUntilTwoInARowAreQuietPastTheMinimum() throws Exception {
    // 9 s of JIT in each of the first six slices, then 0.8 s (quiet), 1.5 s (not: 15 %), then
    // 0.8 and 0.9 s: settled after the tenth.
    FakeSlices slices =
        new FakeSlices(10, 9_000, 9_000, 9_000, 9_000, 9_000, 9_000, 800, 1_500, 800, 900);

    WarmUp.Outcome outcome = slices.under(WarmUp.UNTIL_JIT_SETTLES, 10_000);

    assertThat(slices.runs).hasSize(10).allMatch(r -> r.endsWith(":100000"));
    assertThat(outcome.slices()).isEqualTo(10);
    assertThat(outcome.settled()).isTrue();
    assertThat(outcome.seconds()).isEqualTo(100.0);
    assertThat(outcome.lastSlice()).containsEntry("n", 10.0).containsEntry("jit_ms", 900.0);
    assertThat(outcome.describe())
        .isEqualTo("warm-up: 100 s in 10 slices until the JIT settled, 0.9 s in the last");
  }

  @Test
  void shouldWarmUpForTheMinimumEvenWhenTheJitIsQuietAtOnce() throws Exception {
    FakeSlices slices = new FakeSlices(10, 0);

    WarmUp.Outcome outcome = slices.under(WarmUp.UNTIL_JIT_SETTLES, 10_000);

    assertThat(outcome.slices()).isEqualTo(6);
    assertThat(outcome.seconds()).isEqualTo(60.0);
    assertThat(outcome.settled()).isTrue();
  }

  @Test
  void shouldCountASliceAtExactlyTheSettledShareAsQuiet() throws Exception {
    FakeSlices slices = new FakeSlices(10, 5_000, 1_000);

    WarmUp.Outcome outcome = slices.under(SHORT, 100);

    assertThat(outcome.slices()).isEqualTo(3);
    assertThat(outcome.settled()).isTrue();
    assertThat(slices.runs).containsExactly("1:1000", "2:1000", "3:1000");
  }

  @Test
  void shouldStartNoSliceAfterTheMaximumAndSayTheJitHadNotSettled() throws Exception {
    FakeSlices slices = new FakeSlices(10, 4_000);

    WarmUp.Outcome outcome = slices.under(WarmUp.UNTIL_JIT_SETTLES, 10_000);

    assertThat(outcome.slices()).isEqualTo(30);
    assertThat(outcome.seconds()).isEqualTo(300.0);
    assertThat(outcome.settled()).isFalse();
    assertThat(outcome.describe())
        .isEqualTo(
            "warm-up: stopped after 300 s in 30 slices; the JIT had not settled (4.0 s in the last"
                + " slice)");
  }

  @Test
  void shouldJudgeTheJitAgainstTheNominalSliceWhenOneDrainsLate() throws Exception {
    // Slices that took 20 s (the pipeline drained late): 1.5 s of JIT is 7.5 % of that but 15 % of
    // the 10 s slice, so never quiet; no slice starts after 100 s.
    FakeSlices slices = new FakeSlices(20, 1_500);

    WarmUp.Outcome outcome = slices.under(SHORT, 1_000);

    assertThat(outcome.slices()).isEqualTo(5);
    assertThat(outcome.settled()).isFalse();
  }

  @Test
  void shouldNotTakeAMissingJitFigureForQuiet() throws Exception {
    WarmUp warmUp = new WarmUp(0, Duration.ofSeconds(10), Duration.ofSeconds(30));
    long[] now = {0};
    WarmUp.Slice noJit =
        (n, records) -> {
          now[0] += 10 * SECOND;
          return Map.of();
        };

    WarmUp.Outcome outcome = warmUp.run(1_000, noJit, () -> now[0]);

    assertThat(outcome.slices()).isEqualTo(3);
    assertThat(outcome.settled()).isFalse();
  }

  @Test
  void shouldRunAFixedWarmUpAsOneSliceOfItsRecords() throws Exception {
    FakeSlices slices = new FakeSlices(7, 50_000);

    WarmUp.Outcome outcome = slices.under(WarmUp.fixed(500), 10_000);

    assertThat(slices.runs).containsExactly("1:500");
    assertThat(outcome.settled()).as("a fixed warm-up does not wait for the JIT").isNull();
    assertThat(outcome.seconds()).isEqualTo(7.0);
    assertThat(outcome.describe())
        .isEqualTo("warm-up: 7 s in 1 slice (fixed), the JIT 50.0 s in it");
    assertThat(WarmUp.fixed(500).isFixed()).isTrue();
    assertThat(WarmUp.fixed(500).describe()).isEqualTo("500 transactions");
    assertThat(WarmUp.UNTIL_JIT_SETTLES.isFixed()).isFalse();
    assertThat(WarmUp.UNTIL_JIT_SETTLES.describe())
        .isEqualTo(
            "slices of 10 s at the steady rate until the JIT's compile time is at most 10 % of a"
                + " slice in 2 in a row, at least 60 s, no slice started after 300 s");
  }

  @Test
  void shouldRefuseBoundsOutOfOrderAndAnEmptyFixedWarmUpNamingTheValues() {
    assertThatThrownBy(() -> WarmUp.fixed(0)).hasMessageContaining("positive but were 0");
    assertThatThrownBy(() -> new WarmUp(-1, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new WarmUp(0, Duration.ofSeconds(60), Duration.ofSeconds(30)))
        .hasMessageContaining("PT1M")
        .hasMessageContaining("PT30S");
  }
}
