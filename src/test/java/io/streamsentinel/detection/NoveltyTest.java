package io.streamsentinel.detection;

import static io.streamsentinel.detection.Moments.MONDAY_NOON;
import static io.streamsentinel.detection.Moments.hours;
import static io.streamsentinel.detection.Moments.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoveltyTest {

  private static final long NOON = millis(MONDAY_NOON);

  @Test
  void shouldStartEmptyWithNeutralRates() {
    assertThat(Novelty.EMPTY.count()).isZero();
    assertThat(Novelty.EMPTY.merchantRate()).isEqualTo(0.5);
    assertThat(Novelty.EMPTY.deviceRate()).isEqualTo(0.5);
  }

  @Test
  void shouldCountNewMerchantsAndDevicesAndWhenCountingBegan() {
    Novelty n =
        Novelty.EMPTY
            .plus(NOON, false, false)
            .plus(NOON + 1_000, true, false)
            .plus(NOON + 2_000, true, true);

    assertThat(n).isEqualTo(new Novelty(3, 2, 1, NOON));
    assertThat(n.merchantRate()).isEqualTo(2.5 / 4);
    assertThat(n.deviceRate()).isEqualTo(1.5 / 4);
  }

  @Test
  void shouldMakeANewValueRareForAUserOfFixedHabits() {
    Novelty fixed = Novelty.EMPTY;
    for (int i = 0; i < 99; i++) {
      fixed = fixed.plus(NOON + i, false, false);
    }

    assertThat(fixed.merchantRate()).isEqualTo(0.005);
  }

  @Test
  void shouldMeasurePaceOverAtLeastADay() {
    Novelty n = Novelty.EMPTY;
    for (int i = 0; i < 48; i++) {
      n = n.plus(NOON + i * Duration.ofHours(1).toMillis(), false, false);
    }

    // 48 transactions over the 48 h since the first: one an hour.
    assertThat(n.perHour(NOON + hours(48).toMillis())).isCloseTo(1.0, within(1e-9));
    // 48 transactions an hour after the first count as 48 over a day, not 48 in an hour.
    assertThat(n.perHour(NOON + hours(1).toMillis())).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void shouldLetALateTransactionMoveTheStartBackAndSeeTheFloor() {
    Novelty n = Novelty.EMPTY.plus(NOON, false, false);
    long earlier = NOON - hours(5).toMillis();

    assertThat(n.perHour(earlier)).isCloseTo(1.0 / 24, within(1e-12));
    assertThat(n.plus(earlier, true, false).sinceEpochMillis()).isEqualTo(earlier);
  }

  @Test
  void shouldRejectInconsistentCounts() {
    assertThatThrownBy(() -> new Novelty(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Novelty(2, 3, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Novelty(2, 0, 3, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldBeKeptByTheProfile() {
    UserProfile p =
        Tx.profileAfter(
            java.util.List.of(
                Tx.at(MONDAY_NOON).build(),
                Tx.at(MONDAY_NOON.plus(hours(1))).merchant("baker").build(),
                Tx.at(MONDAY_NOON.plus(hours(2))).deviceId("laptop").build()));

    // The first transaction is not new (nothing to compare with) but is counted.
    assertThat(p.novelty()).isEqualTo(new Novelty(3, 1, 1, NOON));
  }
}
