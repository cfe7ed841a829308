package io.streamsentinel.bench;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.streaming.DetectorCounters;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.streaming.FraudTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.Topology;

/**
 * One drain of the pre-loaded {@code synthetic-transactions} topic by the detector or by the
 * pass-through baseline, each time under a new application id so it starts from the beginning with
 * empty state. Shared by {@code bench detect} and {@code bench scale}.
 */
public final class StreamsDrain {

  /** Where the pass-through stage writes; created by the caller like {@code fraud-scores}. */
  public static final String PASS_THROUGH_OUTPUT = "bench-pass-through";

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

  /** What drains the topic. */
  public enum Stage {
    PASS_THROUGH,
    DETECTOR;

    /** The topic its decisions, or the pass-through's copies of its input, are written to. */
    public String outputTopic() {
      return this == DETECTOR ? TopicCatalog.FRAUD_SCORES : PASS_THROUGH_OUTPUT;
    }

    /** Its name on the command line: {@code detector} or {@code pass-through}. */
    public String cliName() {
      return this == DETECTOR ? "detector" : "pass-through";
    }

    /**
     * @throws IllegalArgumentException naming the value and the stages
     */
    public static Stage fromCli(String value) {
      for (Stage stage : values()) {
        if (stage.cliName().equalsIgnoreCase(value.trim())) {
          return stage;
        }
      }
      throw new IllegalArgumentException(
          "unknown stage '" + value + "'; choose detector or pass-through");
    }
  }

  private final ClientConfigFactory clients;
  private final DetectorSettings detector;
  private final long records;
  private final Consumer<String> out;
  private long maxDetectorHeapBytes;

  /**
   * @param records how many records the topic holds; a run ends when all are processed
   * @param out where progress lines go
   */
  public StreamsDrain(
      ClientConfigFactory clients, DetectorSettings detector, long records, Consumer<String> out) {
    this.clients = clients;
    this.detector = detector;
    this.records = records;
    this.out = out;
  }

  /**
   * @param name names the run (application id, progress lines); made unique here
   * @param stateDir a fresh folder for the run's RocksDB state
   * @return records per second, see {@link DrainMeasurement}
   */
  public double run(Stage stage, Guarantee guarantee, int threads, String name, Path stateDir)
      throws InterruptedException {
    return measure(stage, guarantee, threads, name, stateDir).recordsPerSecond();
  }

  /** Like {@link #run}, with the CPU time per record as well. */
  public DrainMeasurement.Result measure(
      Stage stage, Guarantee guarantee, int threads, String name, Path stateDir)
      throws InterruptedException {
    String appId = "bench-" + name + "-" + System.nanoTime();
    Properties props = new Properties();
    props.putAll(
        clients
            .streams(new StreamsSettings(appId, guarantee, threads, stateDir, null))
            .toProperties());
    Topology topology;
    LongSupplier processed;
    if (stage == Stage.PASS_THROUGH) {
      LongAdder count = new LongAdder();
      topology = PassThroughTopology.build(TopicCatalog.TRANSACTIONS, PASS_THROUGH_OUTPUT, count);
      processed = count::sum;
    } else {
      DetectorCounters counters = new DetectorCounters();
      topology = FraudTopology.build(detector, counters);
      processed = counters::scoredCount;
    }
    DrainMeasurement.Result result;
    try (ProgressTicker ticker = new ProgressTicker(name, processed, records, out)) {
      result = DrainMeasurement.run(topology, props, records, processed, RUN_TIMEOUT);
    }
    if (stage == Stage.DETECTOR) {
      maxDetectorHeapBytes = Math.max(maxDetectorHeapBytes, result.heapAfterGcBytes());
    }
    return result;
  }

  /**
   * The largest heap in use after a full GC at the end of a detector drain so far, in MB: the
   * detector's retained heap (its profiles live in RocksDB, off the heap) plus everything else in
   * this JVM, the embedded broker included unless --bootstrap-servers points elsewhere.
   */
  public double maxDetectorHeapMb() {
    return maxDetectorHeapBytes / (1024.0 * 1024.0);
  }
}
