package io.streamsentinel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void shouldRunBetweenAfterEachFailedCheckUntilTheConditionHolds() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    AtomicInteger between = new AtomicInteger();

    boolean held =
        Await.until(
            () -> checks.incrementAndGet() == 3,
            Duration.ofSeconds(10),
            Duration.ofMillis(1),
            between::incrementAndGet);

    assertThat(held).isTrue();
    assertThat(between).hasValue(2);
  }

  @Test
  void shouldReportFalseWhenTheDeadlinePasses() throws Exception {
    assertThat(Await.until(() -> false, Duration.ofMillis(20), Duration.ofMillis(5))).isFalse();
  }

  @Test
  void shouldWaitWithoutDeadlineUntilTheConditionHolds() throws Exception {
    AtomicInteger checks = new AtomicInteger();

    Await.indefinitely(() -> checks.incrementAndGet() == 3, Duration.ofMillis(1));

    assertThat(checks).hasValue(3);
  }
}
