package io.streamsentinel.detection.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The live window: decisions counted into wall-clock buckets, old buckets expiring, PSI against the
 * reference once the minimum sample is reached.
 */
class DriftWindowTest {

  private static final Instant SINCE = Instant.parse("2026-04-01T10:00:00Z");
  private static final long T0 = SINCE.toEpochMilli();
  private static final DriftSettings SETTINGS = new DriftSettings(Duration.ofMinutes(10), 10, 500);
  private static final List<String> INPUTS = List.of("amount", "new_device", "hour_of_day");

  /** A reference of amounts uniform in [0, 100), new devices 1 in 10, the score uniform. */
  private static DriftReference reference() {
    Random random = new Random(1);
    List<double[]> rows = new ArrayList<>();
    double[] scores = new double[20_000];
    for (int i = 0; i < scores.length; i++) {
      rows.add(new double[] {random.nextDouble() * 100, random.nextInt(10) == 0 ? 1 : 0, i % 24});
      scores[i] = random.nextDouble();
    }
    return DriftReference.of(INPUTS, rows, scores);
  }

  private static final DriftLayout LAYOUT = DriftLayout.of(INPUTS, reference());

  private static void feed(DriftWindow w, Random random, int n, double amountScale, long at) {
    double[] row = new double[3];
    for (int i = 0; i < n; i++) {
      row[0] = random.nextDouble() * 100 * amountScale;
      row[1] = random.nextInt(10) == 0 ? 1 : 0;
      row[2] = 3; // the live window sees one hour of the day
      w.record(row, random.nextDouble(), at);
    }
  }

  private static DriftReport read(DriftWindow w, long now) {
    long[] totals = w.newTotals();
    w.addTo(totals, now);
    return LAYOUT.report("v1", totals, SETTINGS, SINCE);
  }

  @Test
  void shouldMeasureNoDriftOnTheReferenceDistribution() {
    DriftWindow w = new DriftWindow(LAYOUT, SETTINGS);
    feed(w, new Random(2), 5_000, 1, T0);

    DriftReport report = read(w, T0);

    assertThat(report.state()).isEqualTo(DriftReport.State.MEASURED);
    assertThat(report.decisions()).isEqualTo(5_000);
    assertThat(report.maxPsi()).isLessThan(0.02);
  }

  @Test
  void shouldLeaveTheHourOfDayUnjudged() {
    DriftWindow w = new DriftWindow(LAYOUT, SETTINGS);
    feed(w, new Random(2), 1_000, 1, T0);

    assertThat(LAYOUT.unjudged()).containsExactly("hour_of_day");
    assertThat(read(w, T0).inputs())
        .extracting(DriftReport.InputPsi::input)
        .containsExactlyInAnyOrder("amount", "new_device");
  }

  @Test
  void shouldNameTheShiftedInputAsTheWorst() {
    DriftWindow w = new DriftWindow(LAYOUT, SETTINGS);
    feed(w, new Random(3), 2_000, 50, T0);

    DriftReport report = read(w, T0);

    assertThat(report.worst()).isEqualTo("amount");
    assertThat(report.psiOf("amount")).isGreaterThan(2);
    assertThat(report.psiOf("new_device")).isLessThan(0.02);
    assertThat(report.scorePsi()).isLessThan(0.02);
  }

  @Test
  void shouldNotMeasureBelowTheMinimumSample() {
    DriftWindow w = new DriftWindow(LAYOUT, SETTINGS);
    feed(w, new Random(4), 499, 50, T0);

    DriftReport report = read(w, T0);

    assertThat(report.state()).isEqualTo(DriftReport.State.COLLECTING);
    assertThat(report.decisions()).isEqualTo(499);
    assertThat(report.maxPsi()).isNaN();
    assertThat(report.worst()).isNull();
  }

  @Test
  void shouldExpireBucketsOlderThanTheWindow() {
    DriftWindow w = new DriftWindow(LAYOUT, SETTINGS);
    Random random = new Random(5);
    feed(w, random, 1_000, 50, T0); // drifted, in the first minute
    long later = T0 + Duration.ofMinutes(5).toMillis();
    feed(w, random, 1_000, 1, later);

    assertThat(read(w, later).decisions()).isEqualTo(2_000);
    assertThat(read(w, later).psiOf("amount")).isGreaterThan(0.25);

    long tenMinutesOn = T0 + Duration.ofMinutes(10).toMillis();
    DriftReport afterExpiry = read(w, tenMinutesOn);
    assertThat(afterExpiry.decisions()).isEqualTo(1_000);
    assertThat(afterExpiry.psiOf("amount")).isLessThan(0.05);

    assertThat(read(w, T0 + Duration.ofMinutes(15).toMillis()).decisions()).isZero();
  }

  @Test
  void shouldReuseASlotForANewBucketOnlyAfterClearingIt() {
    DriftWindow w = new DriftWindow(LAYOUT, SETTINGS);
    Random random = new Random(6);
    feed(w, random, 700, 50, T0);
    long sameSlotLater = T0 + Duration.ofMinutes(10).toMillis(); // ten buckets on: the same slot
    feed(w, random, 600, 1, sameSlotLater);

    DriftReport report = read(w, sameSlotLater);

    assertThat(report.decisions()).isEqualTo(600);
    assertThat(report.psiOf("amount")).isCloseTo(0, within(0.05));
  }

  @Test
  void shouldAddTheWindowsOfSeveralTasks() {
    DriftWindow a = new DriftWindow(LAYOUT, SETTINGS);
    DriftWindow b = new DriftWindow(LAYOUT, SETTINGS);
    feed(a, new Random(7), 300, 1, T0);
    feed(b, new Random(8), 300, 1, T0 + 90_000);

    long[] totals = a.newTotals();
    a.addTo(totals, T0 + 90_000);
    b.addTo(totals, T0 + 90_000);

    DriftReport report = LAYOUT.report("v1", totals, SETTINGS, SINCE);
    assertThat(report.decisions()).isEqualTo(600);
    assertThat(report.measured()).isTrue();
  }
}
