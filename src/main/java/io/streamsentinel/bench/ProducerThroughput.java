package io.streamsentinel.bench;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.generator.PublisherStats;
import io.streamsentinel.generator.TransactionPublisher;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.kafka.ClientConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Send rate of the generator flat out against a raw {@link KafkaProducer} sending pre-built
 * records, both with the same producer configuration, to the same topic. Each run gets a new
 * producer whose metadata is fetched before the clock starts; the clock stops when {@code flush()}
 * returns, so the rate is acknowledged records per second. Each run also takes the whole JVM's CPU
 * time over the same span (with the embedded broker in this JVM, the broker's work is in it).
 */
public final class ProducerThroughput {

  /**
   * One run: the records sent (and acknowledged, where a producer sends), the wall time, the whole
   * JVM's CPU time between the same two instants, and the producer's mean batch.
   *
   * @param cpuMicrosPerRecord NaN where the JVM does not measure its CPU time
   * @param batchBytes the producer's mean batch in bytes ({@code batch-size-avg}); NaN for a run
   *     without a producer
   */
  public record Run(long records, long wallNanos, double cpuMicrosPerRecord, double batchBytes) {

    public double perSecond() {
      return records / (wallNanos / 1e9);
    }
  }

  /** The two clocks read at the start of a run. */
  private record Start(long wall, long cpu) {
    static Start now() {
      return new Start(System.nanoTime(), CpuClock.processNanos());
    }

    Run end(long records, double batchBytes) {
      return new Run(
          records,
          System.nanoTime() - wall,
          CpuClock.microsPerRecord(cpu, CpuClock.processNanos(), records),
          batchBytes);
    }
  }

  /** The raw producer cycles through this many distinct pre-built records (bounded memory). */
  public static final int RAW_POOL = 100_000;

  private final ClientConfigFactory clients;
  private final String topic;
  private final long records;
  private final Consumer<String> out;

  public ProducerThroughput(
      ClientConfigFactory clients, String topic, long records, Consumer<String> out) {
    this.clients = clients;
    this.topic = topic;
    this.records = records;
    this.out = out;
  }

  /**
   * The generator as {@code sentinel generate --tps max} runs it: simulate, encode, send with a
   * callback, {@code records} times.
   */
  public Run generator(GeneratorSettings settings, TransactionCodec codec) {
    try (Producer<String, byte[]> producer = producer("bench-generator")) {
      PublisherStats stats = new PublisherStats();
      TransactionPublisher publisher =
          new TransactionPublisher(
              producer,
              new TransactionSimulator(settings)::next,
              codec::encode,
              new PublishPlan(topic, 0, records, null),
              stats,
              System::nanoTime);
      Start start = Start.now();
      try (ProgressTicker ticker = new ProgressTicker("generator", stats::sent, records, out)) {
        publisher.run();
      }
      Run run = start.end(records, meanBatchBytes(producer));
      if (publisher.fatalError() != null || stats.acked() != records) {
        throw new IllegalStateException(
            "generator acked " + stats.acked() + " of " + records, publisher.fatalError());
      }
      return run;
    }
  }

  /**
   * What the generator does besides sending: simulate and encode {@code records} transactions on
   * this thread, no producer. Its rate bounds the generator's from above.
   */
  public Run simulateAndEncode(GeneratorSettings settings, TransactionCodec codec) {
    TransactionSimulator simulator = new TransactionSimulator(settings);
    long bytes = 0;
    Start start = Start.now();
    for (long i = 0; i < records; i++) {
      bytes += codec.encode(simulator.next()).length;
    }
    Run run = start.end(records, Double.NaN);
    if (bytes == 0) {
      throw new IllegalStateException("nothing encoded");
    }
    return run;
  }

  /** A raw producer sending records built before the clock starts, with a counting callback. */
  public Run raw(List<ProducerRecord<String, byte[]>> pool) {
    LongAdder acked = new LongAdder();
    AtomicReference<Exception> failure = new AtomicReference<>();
    LongAdder sent = new LongAdder();
    try (Producer<String, byte[]> producer = producer("bench-raw-producer")) {
      Start start = Start.now();
      try (ProgressTicker ticker = new ProgressTicker("raw producer", sent::sum, records, out)) {
        for (long i = 0; i < records; i++) {
          producer.send(
              pool.get((int) (i % pool.size())),
              (metadata, error) -> {
                if (error == null) {
                  acked.increment();
                } else {
                  failure.compareAndSet(null, error);
                }
              });
          sent.increment();
        }
        producer.flush();
      }
      Run run = start.end(records, meanBatchBytes(producer));
      if (failure.get() != null || acked.sum() != records) {
        throw new IllegalStateException(
            "raw producer acked " + acked.sum() + " of " + records, failure.get());
      }
      return run;
    }
  }

  /** The raw producer's records: the generator's own transactions, encoded once. */
  public List<ProducerRecord<String, byte[]>> pool(
      GeneratorSettings settings, TransactionCodec codec) {
    TransactionSimulator simulator = new TransactionSimulator(settings);
    int size = (int) Math.min(records, RAW_POOL);
    List<ProducerRecord<String, byte[]>> pool = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Transaction tx = simulator.next();
      pool.add(new ProducerRecord<>(topic, tx.userId(), codec.encode(tx)));
    }
    return pool;
  }

  /** A producer's mean batch in bytes, from its own metric (one producer, so its sum). */
  private static double meanBatchBytes(Producer<String, byte[]> producer) {
    return MetricTotals.sum(producer.metrics(), "producer-metrics", "batch-size-avg");
  }

  private Producer<String, byte[]> producer(String clientId) {
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(clients.producer(clientId).toProperties());
    producer.partitionsFor(topic); // metadata before the clock starts
    return producer;
  }
}
