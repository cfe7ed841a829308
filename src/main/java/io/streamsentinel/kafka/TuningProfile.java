package io.streamsentinel.kafka;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named sets of client settings. {@code balanced} holds the values the Kafka guide documents for
 * this system, but for 64 KB batches, snappy, a 50 ms exactly-once commit interval and a 20 ms
 * linger of Kafka Streams' producer under at-least-once (measured: docs/performance-rounds.md,
 * fifth, twentieth, twenty-first and twenty-fifth to twenty-seventh rounds); the other two move the
 * latency/throughput trade-off to either end so its effect can be seen (e.g. with {@code sentinel
 * bench}).
 */
public enum TuningProfile {
  BALANCED(
      Summary.BALANCED,
      // snappy, not lz4: Kafka's lz4 writer allocates and zeroes two 64 KB buffers for each batch
      // it opens, so a batch of one transaction cost 7.9 us and 132 KB against snappy's 0.76 us
      // and 464 bytes (snappy reuses its buffers); a full batch cost 14 % more in snappy, within
      // its error, and was 9 % larger (JMH ProducerBatchBenchmark; performance rounds, twentieth).
      // 64 KB batches, not Kafka's 16 KB, were chosen with lz4 (fifth round: 13-38 % less CPU).
      new ProducerTuning(
          5, 64 * 1024, "snappy", "all", true, 32L * 1024 * 1024, 10, 120_000, 30_000),
      new ConsumerTuning(1_000, 1_024, 500, 30_000, 3_000, 300_000),
      // 50 ms, not Kafka Streams' 100: bench e2e at 10,000 tx/s on 2 cores, with every client's
      // socket buffers left to the OS, four invocations against four with 75 ms, interleaved:
      // p50 51-57 against 66-72.5 ms, p99 96-155 against 116-232.5 ms, p99.9 116.5-187.5 against
      // 124.5-294.5 ms, the JVM's CPU about the same (twenty-fifth and twenty-sixth rounds).
      // 75 ms had replaced 100 in the twenty-first; 50 ms had measured worse on busy days (third,
      // eleventh, twentieth rounds), before the loopback drops were removed (twenty-fifth).
      50,
      // 20 ms, not the 5 every other producer lingers: bench e2e at 10,000 tx/s on 2 cores,
      // at_least_once, two invocations against two with 5 ms and two with every producer at 20:
      // p50 26.5 and 25 against 25 and 33.5 ms, p99 84 and 82.5 against 119 and 205, alert ->
      // action 36.5 and 33.5 against 60.5 and 80, the JVM 1.54 and 1.41 cores against 1.80 and
      // 1.78; every producer at 20 raised the p50 to 38.5 and 43.5 ms (twenty-seventh round).
      20),
  LOW_LATENCY(
      // acks=1 cannot be idempotent; lost-on-leader-failure is the price of the shorter round trip.
      // Batches and codec as balanced: 4 KB uncompressed batches made an exactly_once_v2 commit's
      // flush take 100-115 ms, and the detector fell behind at 10,000 tx/s (bench e2e, p99 8-11 s;
      // docs/performance-rounds.md, twentieth round). Commits every 50 ms: a decision waits for
      // its commit under exactly_once_v2.
      Summary.LOW_LATENCY,
      new ProducerTuning(0, 64 * 1024, "snappy", "1", false, 32L * 1024 * 1024, 10, 30_000, 15_000),
      new ConsumerTuning(100, 1, 10, 30_000, 3_000, 300_000),
      50,
      0),
  HIGH_THROUGHPUT(
      Summary.HIGH_THROUGHPUT,
      new ProducerTuning(
          100, 32 * 1024, "gzip", "all", true, 64L * 1024 * 1024, 10, 120_000, 30_000),
      new ConsumerTuning(10_000, 32 * 1024, 5_000, 30_000, 3_000, 300_000),
      100, // Kafka Streams' own interval under exactly_once_v2
      100);

  /**
   * Each profile's summary as a constant, so that {@code --profile}'s help (an annotation) can list
   * them.
   */
  public static final class Summary {
    public static final String BALANCED =
        "the guide's values (small linger, acks=all, idempotent) with snappy, 64 KB batches and"
            + " exactly-once commits every 50 ms; Kafka Streams' producer lingers 20 ms under"
            + " at-least-once";
    public static final String LOW_LATENCY =
        "send at once, leader ack only, fetch the first byte, commit every 50 ms";
    public static final String HIGH_THROUGHPUT =
        "big, long-lingering gzip batches and large fetches";

    private Summary() {}
  }

  private final String summary;
  private final ProducerTuning producer;
  private final ConsumerTuning consumer;
  private final long exactlyOnceCommitIntervalMs;
  private final int atLeastOnceStreamsLingerMs;

  TuningProfile(
      String summary,
      ProducerTuning producer,
      ConsumerTuning consumer,
      long exactlyOnceCommitIntervalMs,
      int atLeastOnceStreamsLingerMs) {
    this.summary = summary;
    this.producer = producer;
    this.consumer = consumer;
    this.exactlyOnceCommitIntervalMs = exactlyOnceCommitIntervalMs;
    this.atLeastOnceStreamsLingerMs = atLeastOnceStreamsLingerMs;
  }

  /**
   * Kafka Streams' {@code commit.interval.ms} under exactly_once_v2 (its inner producer lingers as
   * long). A read_committed reader sees an output only at its commit, so this sets most of a
   * decision's latency there; under at_least_once Streams' own 30 s stands, since outputs are
   * visible as written.
   */
  public long exactlyOnceCommitIntervalMs() {
    return exactlyOnceCommitIntervalMs;
  }

  /**
   * How long Kafka Streams' inner producer lingers under at_least_once, where every record is
   * visible once written (under exactly_once_v2 it lingers for the commit interval).
   */
  public int atLeastOnceStreamsLingerMs() {
    return atLeastOnceStreamsLingerMs;
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
