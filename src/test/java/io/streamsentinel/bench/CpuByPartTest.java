package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CpuByPartTest {

  private static final long SECOND = 1_000_000_000L;

  private final CpuByPart parts =
      new CpuByPart(
          List.of(
              new CpuByPart.Part("detector", -1, List.of("bench-e2e-1")),
              new CpuByPart.Part("generator", 1, List.of("sentinel-generator"))));

  @Test
  void shouldNameTheFirstPartThatOwnsAThread() {
    assertThat(parts.partOf(7, "bench-e2e-1-StreamThread-1")).isEqualTo("cpu_cores_detector");
    assertThat(parts.partOf(7, "kafka-producer-network-thread | sentinel-generator"))
        .isEqualTo("cpu_cores_generator");
    assertThat(parts.partOf(1, "main")).as("by its id").isEqualTo("cpu_cores_generator");
    assertThat(parts.partOf(1, "bench-e2e-1-StreamThread-1"))
        .as("the first part that owns it")
        .isEqualTo("cpu_cores_detector");
    assertThat(parts.partOf(9, "data-plane-kafka-request-handler-0"))
        .isEqualTo(CpuByPart.OTHER_THREADS);
  }

  @Test
  void shouldShareTheJvmsCpuAmongTheParts() {
    CpuByPart.Snapshot before =
        new CpuByPart.Snapshot(
            0,
            10 * SECOND,
            Map.of(
                1L, cpu("cpu_cores_generator", SECOND),
                2L, cpu("cpu_cores_detector", 2 * SECOND),
                3L, cpu(CpuByPart.OTHER_THREADS, 3 * SECOND),
                4L, cpu("cpu_cores_detector", SECOND)));
    // 10 s later: the JVM used 15 s more; thread 4 ended, thread 5 started.
    CpuByPart.Snapshot after =
        new CpuByPart.Snapshot(
            10 * SECOND,
            25 * SECOND,
            Map.of(
                1L, cpu("cpu_cores_generator", 3 * SECOND),
                2L, cpu("cpu_cores_detector", 6 * SECOND),
                3L, cpu(CpuByPart.OTHER_THREADS, 8 * SECOND),
                5L, cpu("cpu_cores_detector", SECOND)));

    Map<String, Double> cores = parts.between(before, after);

    assertThat(cores)
        .containsOnlyKeys(
            "cpu_cores_detector",
            "cpu_cores_generator",
            CpuByPart.OTHER_THREADS,
            CpuByPart.UNLISTED);
    assertThat(cores.keySet())
        .as("in the order of the parts")
        .startsWith("cpu_cores_detector", "cpu_cores_generator");
    assertThat(cores.get("cpu_cores_detector")).isCloseTo(0.5, within(1e-9)); // 4 s + 1 s
    assertThat(cores.get("cpu_cores_generator")).isCloseTo(0.2, within(1e-9));
    assertThat(cores.get(CpuByPart.OTHER_THREADS)).isCloseTo(0.5, within(1e-9));
    // 15 s of the JVM's less the 12 s its listed threads used.
    assertThat(cores.get(CpuByPart.UNLISTED)).isCloseTo(0.3, within(1e-9));
    assertThat(cores.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.5, within(1e-9));
  }

  @Test
  void shouldLeaveOutWhatWasNotMeasured() {
    CpuByPart.Snapshot start = new CpuByPart.Snapshot(0, -1, Map.of(1L, cpu("x", 0)));

    assertThat(parts.between(start, new CpuByPart.Snapshot(SECOND, -1, Map.of())))
        .as("no thread CPU time")
        .isEmpty();
    assertThat(
            parts.between(
                new CpuByPart.Snapshot(0, 0, Map.of()),
                new CpuByPart.Snapshot(SECOND, SECOND, Map.of(1L, cpu("cpu_cores_detector", 5)))))
        .as("no thread CPU time at the start: a thread's whole life is not the span's")
        .isEmpty();
    assertThat(parts.between(start, new CpuByPart.Snapshot(0, -1, Map.of(1L, cpu("x", 5)))))
        .as("an empty span")
        .isEmpty();
    assertThat(
            parts.between(
                start,
                new CpuByPart.Snapshot(SECOND, -1, Map.of(1L, cpu("cpu_cores_detector", 5)))))
        .as("no JVM CPU time")
        .doesNotContainKey(CpuByPart.UNLISTED)
        .containsKey("cpu_cores_generator");
  }

  @Test
  @Timeout(30)
  void shouldCountARealThreadUnderItsPart() throws Exception {
    assumeTrue(ManagementFactory.getThreadMXBean().isThreadCpuTimeSupported());
    assumeTrue(ManagementFactory.getThreadMXBean().isThreadCpuTimeEnabled());
    CpuByPart mine =
        new CpuByPart(List.of(new CpuByPart.Part("spinner", -1, List.of("cpu-by-part-spinner"))));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch stop = new CountDownLatch(1);
    Thread spinner =
        new Thread(
            () -> {
              started.countDown();
              long sink = 0;
              while (stop.getCount() > 0) {
                sink += System.nanoTime() % 7;
              }
              assertThat(sink).isNotNegative();
            },
            "cpu-by-part-spinner");
    spinner.start();
    started.await();
    CpuByPart.Snapshot before = mine.now();
    long spun = ManagementFactory.getThreadMXBean().getThreadCpuTime(spinner.getId()) + 50_000_000L;
    while (ManagementFactory.getThreadMXBean().getThreadCpuTime(spinner.getId()) < spun) {
      Thread.sleep(5);
    }
    CpuByPart.Snapshot after = mine.now();
    stop.countDown();
    spinner.join();

    Map<String, Double> cores = mine.between(before, after);

    double span = (after.wallNanos() - before.wallNanos()) / 1e9;
    assertThat(cores.get("cpu_cores_spinner") * span)
        .as("CPU seconds of the spinning thread")
        .isGreaterThanOrEqualTo(0.05);
    // One thread is at most one core; a little over only by the skew of the two readings.
    assertThat(cores.get("cpu_cores_spinner")).isLessThanOrEqualTo(1.2);
  }

  private static CpuByPart.ThreadCpu cpu(String part, long nanos) {
    return new CpuByPart.ThreadCpu(part, nanos);
  }
}
