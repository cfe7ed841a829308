package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamThreadLoadTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldTellTheSharesOfTheSpanBusyAndOnACpu() {
    StreamThreadLoad before = new StreamThreadLoad(10 * SECOND, 50 * SECOND, 7 * SECOND, 3e9);
    // 10 s later: blocked 0.5 s more, the thread 4 s more on a CPU, the JVM 19 s more.
    StreamThreadLoad after = new StreamThreadLoad(20 * SECOND, 69 * SECOND, 11 * SECOND, 3.5e9);

    Map<String, Double> figures = before.until(after, 100_000);

    assertThat(figures.get(StreamThreadLoad.BUSY)).isCloseTo(0.95, within(1e-9));
    assertThat(figures.get(StreamThreadLoad.ON_CPU)).isCloseTo(0.4, within(1e-9));
    assertThat(figures.get(StreamThreadLoad.CPU_PER_RECORD)).isCloseTo(40.0, within(1e-9));
    assertThat(figures.get(StreamThreadLoad.JVM_CORES)).isCloseTo(1.9, within(1e-9));
  }

  @Test
  void shouldHoldBusyWithinZeroAndOne() {
    StreamThreadLoad start = new StreamThreadLoad(0, 0, 0, 0);

    // Streams adds blocked time between loop iterations: a snapshot can see more than the span.
    assertThat(start.until(new StreamThreadLoad(SECOND, 0, 0, 1.2e9), 1).get(StreamThreadLoad.BUSY))
        .isZero();
    assertThat(start.until(new StreamThreadLoad(SECOND, 0, 0, -1e8), 1).get(StreamThreadLoad.BUSY))
        .isEqualTo(1.0);
  }

  @Test
  void shouldLeaveOutWhatWasNotMeasured() {
    StreamThreadLoad before = new StreamThreadLoad(0, -1, -1, Double.NaN);
    StreamThreadLoad after = new StreamThreadLoad(SECOND, -1, -1, Double.NaN);

    assertThat(before.until(after, 1_000)).isEmpty();
    assertThat(
            new StreamThreadLoad(0, 0, 0, 0)
                .until(new StreamThreadLoad(SECOND, SECOND, SECOND, 0), 0))
        .containsOnlyKeys(
            StreamThreadLoad.BUSY, StreamThreadLoad.ON_CPU, StreamThreadLoad.JVM_CORES);
    assertThat(new StreamThreadLoad(5, 0, 0, 0).until(new StreamThreadLoad(5, 1, 1, 0), 1))
        .as("an empty span")
        .isEmpty();
  }
}
