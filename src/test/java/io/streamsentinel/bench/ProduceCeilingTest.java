package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProduceCeilingTest {

  @Test
  void shouldAddTheMakingTimeToTheSendingTimeOnOneThread() {
    // 2 µs to send, 2 µs to make: one thread does both in 4 µs.
    ProduceCeiling ceiling = ProduceCeiling.of(500_000, 4.0, 500_000, 2.0, 2);

    assertThat(ceiling.oneThread()).isCloseTo(250_000, within(1e-6));
    assertThat(ceiling.oneThreadRatio()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void shouldBoundAnyNumberOfThreadsByTheCpuEachRecordNeeds() {
    // The raw producer keeps both cores busy (4 µs of CPU per record at 500,000/s); making a record
    // costs 2 µs more, so two cores give at most 2 / 6 µs.
    ProduceCeiling ceiling = ProduceCeiling.of(500_000, 4.0, 500_000, 2.0, 2);

    assertThat(ceiling.rawCores()).isCloseTo(2.0, within(1e-12));
    assertThat(ceiling.allCores()).isCloseTo(333_333.333, within(1e-3));
    assertThat(ceiling.allCoresRatio()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void shouldLeaveRoomWhereTheRawProducerLeavesCoresIdle() {
    // 1 µs of CPU per record at 500,000/s is half a core of four: the cores bound lies above raw.
    ProduceCeiling ceiling = ProduceCeiling.of(500_000, 1.0, 1_000_000, 1.0, 4);

    assertThat(ceiling.rawCores()).isCloseTo(0.5, within(1e-12));
    assertThat(ceiling.allCoresRatio()).isCloseTo(4.0, within(1e-12));
    assertThat(ceiling.oneThreadRatio()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void shouldGiveNoCoresBoundWithoutCpuTimes() {
    ProduceCeiling ceiling = ProduceCeiling.of(500_000, Double.NaN, 500_000, Double.NaN, 2);

    assertThat(ceiling.allCores()).isNaN();
    assertThat(ceiling.oneThread()).isCloseTo(250_000, within(1e-6));
  }

  @Test
  void shouldNameTheBadInput() {
    assertThatThrownBy(() -> ProduceCeiling.of(0, 1, 1, 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("raw 0.0");
    assertThatThrownBy(() -> ProduceCeiling.of(1, 1, 1, 1, 0)).hasMessageContaining("cores 0");
  }
}
