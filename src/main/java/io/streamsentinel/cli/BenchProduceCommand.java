package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.ProduceScenario;
import io.streamsentinel.bench.ProducerThroughput;
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
      "Also measures simulating and encoding alone (no Kafka) and the whole JVM's CPU per record of"
          + " each variant (with an embedded broker, its work is in it), and prints two ceilings:"
          + " one thread that makes and sends every record (1 / (1/raw + 1/make)), and the machine's"
          + " cores over the CPU a record needs to be sent plus made (cores / (CPU raw + CPU make)).",
      "Uses a fresh embedded broker in a temporary folder under ./data unless --bootstrap-servers"
          + " is given."
    })
final class BenchProduceCommand implements Callable<Integer> {

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
      ProduceScenario.Settings settings =
          new ProduceScenario.Settings(records, bench.runs, bench.users);
      env.finish(new ProduceScenario(env, settings).run(), bench.json);
      return 0;
    }
  }
}
