package io.streamsentinel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetrainScheduleTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void shouldRunAtOnceThenOnTheScheduleOrEarlierWhenEnoughLabelsCame() {
    RetrainSchedule s = new RetrainSchedule(Duration.ofHours(1), 100);
    assertThat(s.isDue(T0, 0)).isTrue();
    assertThat(s.reason(T0, 0)).isEqualTo("first run");
    s.ran(T0, 40);

    assertThat(s.isDue(T0.plusSeconds(600), 139)).isFalse();
    assertThat(s.isDue(T0.plusSeconds(600), 140)).isTrue();
    assertThat(s.reason(T0.plusSeconds(600), 140))
        .isEqualTo("100 new label records since the last run");
    assertThat(s.isDue(T0.plusSeconds(3_599), 41)).isFalse();
    assertThat(s.isDue(T0.plusSeconds(3_600), 41)).isTrue();
    assertThat(s.reason(T0.plusSeconds(3_600), 41)).isEqualTo("PT1H since the last run");
  }

  @Test
  void withoutALabelTriggerOnlyTheScheduleShouldCount() {
    RetrainSchedule s = new RetrainSchedule(Duration.ofMinutes(30), 0);
    s.ran(T0, 0);
    assertThat(s.isDue(T0.plusSeconds(60), 1_000_000)).isFalse();
    assertThat(s.isDue(T0.plusSeconds(1_800), 0)).isTrue();
  }

  @Test
  void badSettingsShouldBeRefusedNamingTheOption() {
    assertThatThrownBy(() -> new RetrainSchedule(Duration.ZERO, 0)).hasMessageContaining("--every");
    assertThatThrownBy(() -> new RetrainSchedule(Duration.ofHours(1), -1))
        .hasMessageContaining("--every-labels");
  }
}
