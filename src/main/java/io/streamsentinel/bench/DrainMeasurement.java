package io.streamsentinel.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * Runs a Streams topology over a pre-loaded topic and measures its drain rate: records processed
 * divided by the time from the first processed record to the last. Start-up and group joining are
 * left out, commits and everything else the processing thread does are in.
 */
public final class DrainMeasurement {

  private static final long POLL_NANOS = 5_000_000L;

  private DrainMeasurement() {}

  /**
   * @param processed how many records the topology has processed so far
   * @return records per second
   * @throws IllegalStateException when the topology does not finish within {@code timeout}
   */
  public static double run(
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
      return (records - firstCount) / ((last - first) / 1e9);
    }
  }
}
