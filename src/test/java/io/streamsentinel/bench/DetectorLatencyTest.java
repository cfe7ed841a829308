package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DetectorLatencyTest {

  @Test
  void shouldTellThePercentilesOfTheRecordsBetweenTwoSnapshots() {
    DetectorLatency latency = new DetectorLatency();
    assertThat(latency.now())
        .as("before the detector registered its timer")
        .isEqualTo(DetectorLatency.Snapshot.NONE);
    Timer timer = timerAsTheDetectorRegistersIt(latency);
    for (int i = 0; i < 1_000; i++) {
      timer.record(500, TimeUnit.MILLISECONDS); // an earlier round, slow throughout
    }
    DetectorLatency.Snapshot before = latency.now();
    for (int i = 0; i < 980; i++) {
      timer.record(10, TimeUnit.MILLISECONDS);
    }
    for (int i = 0; i < 20; i++) {
      timer.record(190, TimeUnit.MILLISECONDS);
    }

    Map<String, Double> figures = DetectorLatency.between(before, latency.now());

    // Each figure is the upper bound of the bucket the percentile falls in.
    assertThat(figures).containsEntry(DetectorLatency.P50_MS, 10.0);
    assertThat(figures).containsEntry(DetectorLatency.P99_MS, 200.0);
    assertThat(DetectorLatency.between(DetectorLatency.Snapshot.NONE, latency.now()))
        .as("everything since the start: half were 500 ms")
        .containsEntry(DetectorLatency.P50_MS, 200.0)
        .containsEntry(DetectorLatency.P99_MS, 500.0);
  }

  @Test
  void shouldTellNothingWhenNoRecordWasScored() {
    DetectorLatency latency = new DetectorLatency();
    assertThat(DetectorLatency.between(latency.now(), latency.now())).isEmpty();
    timerAsTheDetectorRegistersIt(latency);
    DetectorLatency.Snapshot before = latency.now();
    assertThat(DetectorLatency.between(before, latency.now())).isEmpty();
  }

  @Test
  void shouldLeaveOutAPercentileBeyondTheLastBound() {
    DetectorLatency latency = new DetectorLatency();
    Timer timer = timerAsTheDetectorRegistersIt(latency);
    DetectorLatency.Snapshot before = latency.now();
    for (int i = 0; i < 98; i++) {
      timer.record(3, TimeUnit.MILLISECONDS);
    }
    timer.record(Duration.ofMinutes(20));
    timer.record(Duration.ofMinutes(20));

    assertThat(DetectorLatency.between(before, latency.now()))
        .containsOnly(Map.entry(DetectorLatency.P50_MS, 3.0));
  }

  /**
   * The detector's timer of that name and histogram (DetectorCounters), in the bench's registry.
   */
  private static Timer timerAsTheDetectorRegistersIt(DetectorLatency latency) {
    return Timer.builder("sentinel.event.to.decision")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(5))
        .register(latency.metrics().registry());
  }
}
