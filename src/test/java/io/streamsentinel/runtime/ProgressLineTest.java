package io.streamsentinel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void shouldShowDoneOfTotalPercentRateAndTimeLeft() {
    assertThat(ProgressLine.of(2, "reading:", 500, 2_000, "offsets", 250))
        .isEqualTo("[    2s] reading: 500/2,000 offsets 25% (250/s) ETA 6s");
    assertThat(ProgressLine.of(5, "sent", 25_000, 100_000, "", 5_000))
        .isEqualTo("[    5s] sent 25,000/100,000 25% (5,000/s) ETA 15s");
  }

  @Test
  void shouldNotGuessTheTimeLeftWithoutARateAndCountAnEmptyTotalAsDone() {
    assertThat(ProgressLine.of(0, "drain", 0, 10, "", 0)).endsWith("0% (0/s) ETA ?");
    assertThat(ProgressLine.of(0, "drain", 0, 0, "", 0)).contains("0/0 100%");
  }

  @Test
  void shouldShowOnlyDoneAndRateForAnOpenEndedPhase() {
    assertThat(ProgressLine.open(5, "sent", 1_234, "", 567))
        .isEqualTo("[    5s] sent 1,234 (567/s)");
  }

  @Test
  void shouldShowElapsedOfPlannedTimeForATimedPhase() {
    assertThat(ProgressLine.timed(15, "sent", 1_500, "", 100, Duration.ofMinutes(1)))
        .isEqualTo("[   15s] sent 1,500 (100/s) 15s/60s 25% ETA 45s");
  }
}
