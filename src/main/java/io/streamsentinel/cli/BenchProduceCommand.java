package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.BenchReport;
import io.streamsentinel.bench.ProducerThroughput;
import io.streamsentinel.bench.Spread;
import io.streamsentinel.bench.TransactionPreload;
import io.streamsentinel.bench.Trials;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.kafka.ClientConfig;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel bench produce}: the generator flat out against a raw producer. */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "The generator flat out against a raw KafkaProducer (records/s, ratio).",
      "Send rate of the generator flat out (simulate, encode, send with a callback, as 'generate"
          + " --tps max') against a raw KafkaProducer sending pre-built records of the same"
          + " transactions (a pool of up to "
          + ProducerThroughput.RAW_POOL
          + ", cycled). Same producer configuration (profile, --kafka-prop), same topic settings"
          + " (a topic created like synthetic-transactions). Rate = N / (first send to flush()"
          + " returning), so only acknowledged records count; producer creation and metadata are"
          + " left out. Runs interleave; one warm-up round first.",
      "Uses a fresh embedded broker in a temporary folder under ./data unless --bootstrap-servers"
          + " is given."
    })
final class BenchProduceCommand implements Callable<Integer> {

  static final String TOPIC = "bench-produce";
  private static final List<String> VARIANTS = List.of("raw_producer", "generator");

  private final CliContext context;
  @Mixin KafkaOptions kafka;
  @Mixin BenchOptions bench;

  @Option(
      names = "--records",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "Records each run sends (default: ${DEFAULT-VALUE}).")
  long records;

  BenchProduceCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    try (BenchEnvironment env =
        BenchEnvironment.start(kafka.config(), context.out()::println, context.shutdown())) {
      env.createLike(TopicCatalog.TRANSACTIONS, TOPIC);
      GeneratorSettings settings =
          new GeneratorSettings(
              TransactionPreload.SEED,
              bench.users,
              GeneratorSettings.DEFAULT_FRAUD_RATE,
              TransactionPreload.START);
      TransactionCodec codec = new TransactionCodec(env.kafka().limits());
      ProducerThroughput producers =
          new ProducerThroughput(env.clients(), TOPIC, records, env.out());
      context.out().println("Building the raw producer's records...");
      var pool = producers.pool(settings, codec);
      Map<String, Spread> rates =
          new Trials(VARIANTS, bench.runs, "records/s", env.out())
              .measure(
                  (variant, round) ->
                      variant.equals("generator")
                          ? producers.generator(settings, codec)
                          : producers.raw(pool));
      double generator = rates.get("generator").median();
      double raw = rates.get("raw_producer").median();
      BenchReport report =
          new BenchReport("produce", records, bench.runs)
              .put("generator_records_per_s", generator)
              .put("raw_producer_records_per_s", raw)
              .put("generator_ratio", generator / raw)
              .variants(rates)
              .config("topic", TOPIC + " (settings of " + TopicCatalog.TRANSACTIONS + ")")
              .config("users", bench.users)
              .config("raw_pool", pool.size())
              .config("producer", producerConfig(env));
      context
          .out()
          .printf(
              Locale.ROOT,
              "%nMedians over %d runs of %,d records:%n  generator %,.0f records/s, raw producer"
                  + " %,.0f records/s, ratio %.2f%n",
              bench.runs,
              records,
              generator,
              raw,
              generator / raw);
      env.finish(report, bench.json);
      return 0;
    }
  }

  private static Map<String, String> producerConfig(BenchEnvironment env) {
    ClientConfig config = env.clients().producer("bench");
    Map<String, String> values = new TreeMap<>();
    config.entries().forEach(e -> values.put(e.key(), e.value()));
    values.remove("client.id");
    return values;
  }
}
