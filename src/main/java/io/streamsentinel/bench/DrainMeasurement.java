package io.streamsentinel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * Runs a Streams topology over a pre-loaded topic and measures its drain rate: records processed
 * divided by the time from the first processed record to the last. Start-up and group joining are
 * left out, commits and everything else the processing thread does are in. After the drain, with
 * the topology's state still open, it also takes the JVM's heap in use after a full GC.
 */
public final class DrainMeasurement {

  private static final long POLL_NANOS = 5_000_000L;

  private DrainMeasurement() {}

  /**
   * @param recordsPerSecond the drain rate
   * @param heapAfterGcBytes heap in use after a full GC, with the drained topology still open: its
   *     retained heap plus whatever else lives in this JVM (an embedded broker, for one)
   */
  public record Result(double recordsPerSecond, long heapAfterGcBytes) {}

  /**
   * @param processed how many records the topology has processed so far
   * @throws IllegalStateException when the topology does not finish within {@code timeout}
   */
  public static Result run(
      Topology topology, Properties props, long records, LongSupplier processed, Duration timeout)
      throws InterruptedException {
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      long first = 0;
      long firstCount = 0;
      while (processed.getAsLong() < records) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "drained " + processed.getAsLong() + " of " + records + " within " + timeout);
        }
        if (first == 0 && processed.getAsLong() > 0) {
          first = System.nanoTime();
          firstCount = processed.getAsLong();
        }
        Thread.sleep(
            POLL_NANOS / 1_000_000L); // sampling the counter; 5 ms resolution on runs of seconds
      }
      long last = System.nanoTime();
      return new Result((records - firstCount) / ((last - first) / 1e9), heapAfterGc());
    }
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    memory.gc(); // a benchmark's one deliberate full GC: retained heap, not garbage, is the figure
    return memory.getHeapMemoryUsage().getUsed();
  }
}
