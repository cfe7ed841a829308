package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTickerTest {

  @Test
  void shouldShowDoneOfTotalRateAndTimeLeft() {
    String line = ProgressTicker.line("drain", 25_000, 100_000, 5_000, 5_000_000_000L);

    assertThat(line).contains("drain 25,000/100,000 25%").contains("5,000/s").contains("ETA 15s");
  }

  @Test
  void shouldNotGuessTheTimeLeftWithoutProgress() {
    assertThat(ProgressTicker.line("drain", 0, 10, 0, 0)).contains("ETA ?");
  }
}
