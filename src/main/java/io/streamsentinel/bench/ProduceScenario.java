package io.streamsentinel.bench;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.kafka.ClientConfig;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bench produce}: the generator flat out against a raw producer sending pre-built records of
 * the same transactions, same producer configuration, on a topic created like {@code
 * synthetic-transactions}.
 */
public final class ProduceScenario {

  /**
   * @param records records each run sends
   * @param runs measured runs of each variant, after one warm-up
   * @param users synthetic users the generator draws from
   */
  public record Settings(long records, int runs, int users) {}

  private static final String TOPIC = "bench-produce";
  private static final String RATE = "records/s";

  /** The whole JVM's CPU time per record (with the embedded broker in this JVM). */
  private static final String CPU = "cpu_us_per_record";

  /** The producer's mean batch: a slower sender fills smaller ones, and pays per batch. */
  private static final String BATCH = "batch_bytes";

  private static final List<String> VARIANTS =
      List.of("raw_producer", "generator", "simulate_encode");

  private final BenchEnvironment env;
  private final Settings settings;

  public ProduceScenario(BenchEnvironment env, Settings settings) {
    this.env = env;
    this.settings = settings;
  }

  /** Measures both variants, prints the medians and returns the report. */
  public BenchReport run() throws Exception {
    env.createLike(TopicCatalog.TRANSACTIONS, TOPIC);
    GeneratorSettings generator =
        new GeneratorSettings(
            TransactionPreload.SEED,
            settings.users(),
            GeneratorSettings.DEFAULT_FRAUD_RATE,
            TransactionPreload.START);
    TransactionCodec codec = new TransactionCodec(env.kafka().limits());
    ProducerThroughput producers =
        new ProducerThroughput(env.clients(), TOPIC, settings.records(), env.out());
    env.out().accept("Building the raw producer's records...");
    var pool = producers.pool(generator, codec);
    Map<String, Map<String, Spread>> measured =
        new Trials(VARIANTS, settings.runs(), RATE, env.out())
            .measureMetrics(
                (variant, round) -> {
                  ProducerThroughput.Run run =
                      switch (variant) {
                        case "generator" -> producers.generator(generator, codec);
                        case "simulate_encode" -> producers.simulateAndEncode(generator, codec);
                        default -> producers.raw(pool);
                      };
                  Map<String, Double> figures = new LinkedHashMap<>();
                  figures.put(RATE, run.perSecond());
                  figures.put(CPU, run.cpuMicrosPerRecord());
                  if (!Double.isNaN(run.batchBytes())) {
                    figures.put(BATCH, run.batchBytes());
                  }
                  return figures;
                });
    Map<String, Spread> rates = Trials.metric(measured, RATE);
    Map<String, Double> cpu = Trials.medians(Trials.metric(measured, CPU));
    Map<String, Double> batches = Trials.medians(Trials.metric(measured, BATCH));
    double generated = rates.get("generator").median();
    double raw = rates.get("raw_producer").median();
    // The generator's own work, without Kafka: what its sending thread does besides sending.
    double simulated = rates.get("simulate_encode").median();
    int cores = Machine.current().cores();
    ProduceCeiling ceiling =
        ProduceCeiling.of(
            raw, cpu.get("raw_producer"), simulated, cpu.get("simulate_encode"), cores);
    env.out()
        .accept(
            String.format(
                Locale.ROOT,
                "%nMedians over %d runs of %,d records:%n  generator %,.0f records/s, raw producer"
                    + " %,.0f records/s, ratio %.2f%n  simulating and encoding alone (no Kafka, one"
                    + " thread) %,.0f records/s%n  CPU per record, whole JVM with the broker:"
                    + " raw producer %.2f µs (%.2f of %d cores busy), generator %.2f µs,"
                    + " simulating and encoding %.2f µs%n  mean batch: raw producer %,.0f bytes,"
                    + " generator %,.0f bytes%n  ceiling of one thread that makes and"
                    + " sends each record: %,.0f records/s, ratio %.2f%n  ceiling of %d cores"
                    + " (raw CPU + making CPU per record): %,.0f records/s, ratio %.2f",
                settings.runs(),
                settings.records(),
                generated,
                raw,
                generated / raw,
                simulated,
                cpu.get("raw_producer"),
                ceiling.rawCores(),
                cores,
                cpu.get("generator"),
                cpu.get("simulate_encode"),
                batches.get("raw_producer"),
                batches.get("generator"),
                ceiling.oneThread(),
                ceiling.oneThreadRatio(),
                cores,
                ceiling.allCores(),
                ceiling.allCoresRatio()));
    return new BenchReport("produce", settings.records(), settings.runs())
        .put("generator_records_per_s", generated)
        .put("raw_producer_records_per_s", raw)
        .put("generator_ratio", generated / raw)
        .put("simulate_encode_records_per_s", simulated)
        .put("cpu_us_per_record", cpu)
        .put("batch_bytes", batches)
        .put("raw_producer_cores", ceiling.rawCores())
        .put("one_thread_ceiling_records_per_s", ceiling.oneThread())
        .put("one_thread_ceiling_ratio", ceiling.oneThreadRatio())
        .put("all_cores_ceiling_records_per_s", ceiling.allCores())
        .put("all_cores_ceiling_ratio", ceiling.allCoresRatio())
        .variants(rates)
        .config("topic", TOPIC + " (settings of " + TopicCatalog.TRANSACTIONS + ")")
        .config("users", settings.users())
        .config("raw_pool", pool.size())
        .config("producer", producerConfig());
  }

  private Map<String, String> producerConfig() {
    ClientConfig config = env.clients().producer("bench");
    Map<String, String> values = new TreeMap<>();
    config.entries().forEach(e -> values.put(e.key(), e.value()));
    values.remove("client.id");
    return values;
  }
}
