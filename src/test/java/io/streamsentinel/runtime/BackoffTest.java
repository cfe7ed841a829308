package io.streamsentinel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void shouldDoubleTheWaitUpToTheMaximum() {
    Backoff backoff = new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(4));

    assertThat(backoff.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.backoff(4)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void shouldWaitTheSameWhenInitialIsTheMaximum() {
    Backoff fixed = new Backoff(3, Duration.ofMillis(100), Duration.ofMillis(100));

    assertThat(fixed.backoff(1)).isEqualTo(fixed.backoff(30));
  }

  @Test
  void shouldMakeTheFailureFinalAfterTheLastAttempt() {
    Backoff backoff = new Backoff(5, Duration.ofMillis(1), Duration.ofMillis(1));

    assertThat(backoff.isExhausted(4)).isFalse();
    assertThat(backoff.isExhausted(5)).isTrue();
  }
}
