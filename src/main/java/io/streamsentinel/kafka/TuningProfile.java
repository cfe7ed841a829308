package io.streamsentinel.kafka;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named sets of client settings. {@code balanced} holds the values the Kafka guide documents for
 * this system, but for 64 KB batches (measured: docs/performance-rounds.md, fifth round); the other
 * two move the latency/throughput trade-off to either end so its effect can be seen (e.g. with
 * {@code sentinel bench}).
 */
public enum TuningProfile {
  BALANCED(
      "the guide's values (small linger, lz4, acks=all, idempotent) with 64 KB batches",
      // 64 KB, not Kafka's 16 KB, for every producer: Kafka's lz4 writer allocates and zeroes two
      // 64 KB buffers for each batch it opens; with 64 KB batches the detector used 13-38 % less
      // CPU per record (docs/performance-rounds.md, fifth round).
      new ProducerTuning(5, 64 * 1024, "lz4", "all", true, 32L * 1024 * 1024, 10, 120_000, 30_000),
      new ConsumerTuning(1_000, 1_024, 500, 30_000, 3_000, 300_000)),
  LOW_LATENCY(
      // acks=1 cannot be idempotent; lost-on-leader-failure is the price of the shorter round trip.
      "send at once, leader ack only, fetch the first byte",
      new ProducerTuning(0, 4 * 1024, "none", "1", false, 32L * 1024 * 1024, 10, 30_000, 15_000),
      new ConsumerTuning(100, 1, 10, 30_000, 3_000, 300_000)),
  HIGH_THROUGHPUT(
      "big, long-lingering gzip batches and large fetches",
      new ProducerTuning(
          100, 32 * 1024, "gzip", "all", true, 64L * 1024 * 1024, 10, 120_000, 30_000),
      new ConsumerTuning(10_000, 32 * 1024, 5_000, 30_000, 3_000, 300_000));

  private final String summary;
  private final ProducerTuning producer;
  private final ConsumerTuning consumer;

  TuningProfile(String summary, ProducerTuning producer, ConsumerTuning consumer) {
    this.summary = summary;
    this.producer = producer;
    this.consumer = consumer;
  }

  public String summary() {
    return summary;
  }

  public ProducerTuning producer() {
    return producer;
  }

  public ConsumerTuning consumer() {
    return consumer;
  }

  /** The CLI name, e.g. {@code low-latency}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * @throws IllegalArgumentException naming the value and the known profiles
   */
  public static TuningProfile fromCliName(String value) {
    for (TuningProfile profile : values()) {
      if (profile.cliName().equalsIgnoreCase(value.trim())
          || profile.name().equalsIgnoreCase(value.trim())) {
        return profile;
      }
    }
    throw new IllegalArgumentException(
        "unknown profile '"
            + value
            + "'; choose one of "
            + Arrays.stream(values())
                .map(TuningProfile::cliName)
                .collect(Collectors.joining(", ")));
  }
}
