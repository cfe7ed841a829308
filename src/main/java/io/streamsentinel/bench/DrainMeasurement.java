package io.streamsentinel.bench;

import io.streamsentinel.runtime.Await;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Runs a Streams topology over a pre-loaded topic and measures its drain rate: records processed
 * divided by the time from the first processed record to the last. Start-up and group joining are
 * left out, commits and everything else the processing thread does are in. Over the same span it
 * takes the CPU time per record of the whole JVM and of the stream threads ({@link CpuClock}).
 * After the drain, with the topology's state still open, it also takes the JVM's heap in use after
 * a full GC.
 */
public final class DrainMeasurement {

  private static final Duration POLL = Duration.ofMillis(5);

  private DrainMeasurement() {}

  /**
   * @param recordsPerSecond the drain rate
   * @param heapAfterGcBytes heap in use after a full GC, with the drained topology still open: its
   *     retained heap plus whatever else lives in this JVM (an embedded broker, for one)
   * @param cpuMicrosPerRecord CPU time of the whole JVM per drained record, NaN when not measured
   * @param streamThreadCpuMicrosPerRecord CPU time of the stream threads per drained record, NaN
   *     when not measured
   * @param jitCpuMicrosPerRecord CPU time of the JVM's JIT compiler threads per drained record,
   *     part of {@code cpuMicrosPerRecord}: how far from warm the span was; NaN when not measured
   */
  public record Result(
      double recordsPerSecond,
      long heapAfterGcBytes,
      double cpuMicrosPerRecord,
      double streamThreadCpuMicrosPerRecord,
      double jitCpuMicrosPerRecord) {}

  /**
   * @param processed how many records the topology has processed so far
   * @throws IllegalStateException when the topology does not finish within {@code timeout}
   */
  public static Result run(
      Topology topology, Properties props, long records, LongSupplier processed, Duration timeout)
      throws InterruptedException {
    CpuClock cpu = new CpuClock(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      // Sampling the counter; 5 ms resolution on runs of seconds.
      FirstRecord first = new FirstRecord(processed, cpu);
      if (!Await.until(() -> processed.getAsLong() >= records, timeout, POLL, first::note)) {
        throw new IllegalStateException(
            "drained " + processed.getAsLong() + " of " + records + " within " + timeout);
      }
      long last = System.nanoTime();
      long drained = records - first.count;
      Clocks end = Clocks.read(cpu);
      return new Result(
          drained / ((last - first.nanos) / 1e9),
          heapAfterGc(),
          CpuClock.microsPerRecord(first.clocks.process, end.process, drained),
          CpuClock.microsPerRecord(first.clocks.streamThreads, end.streamThreads, drained),
          CpuClock.microsPerRecord(first.clocks.compiler, end.compiler, drained));
    }
  }

  /** The CPU clocks a drain is measured by, read together at its first and last record. */
  private record Clocks(long process, long streamThreads, long compiler) {
    static Clocks read(CpuClock cpu) {
      return new Clocks(CpuClock.processNanos(), cpu.streamThreadNanos(), CpuClock.compilerNanos());
    }
  }

  /** When the first record was seen processed, and the counter and CPU clocks at that moment. */
  private static final class FirstRecord {
    private final LongSupplier processed;
    private final CpuClock cpu;
    private long nanos;
    private long count;
    private Clocks clocks;

    FirstRecord(LongSupplier processed, CpuClock cpu) {
      this.processed = processed;
      this.cpu = cpu;
    }

    /** Takes the clocks the first time the counter shows progress. */
    void note() {
      if (nanos == 0 && processed.getAsLong() > 0) {
        nanos = System.nanoTime();
        count = processed.getAsLong();
        clocks = Clocks.read(cpu);
      }
    }
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    memory.gc(); // a benchmark's one deliberate full GC: retained heap, not garbage, is the figure
    return memory.getHeapMemoryUsage().getUsed();
  }
}
