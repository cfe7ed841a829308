package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.ScaleScenario;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel bench scale}: detector drain rate with 1, 2 and 4 stream threads. */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "Detector drain rate with 1, 2 and 4 stream threads.",
      "Pre-loads N generated transactions, then measures the detector's drain rate with each"
          + " --threads count of stream threads in one instance (default 1, 2 and 4), to show how"
          + " the cost grows with parallelism on this machine. Drain rate = records processed /"
          + " time from the first processed record to the last. Efficiency = rate(T) / (T *"
          + " rate(1)) when 1 is among the counts. Runs interleave; one warm-up round first.",
      "Stream threads share this JVM's cores, so more threads than cores show the overhead of"
          + " parallelism, not a gain; on a cluster, instances on other machines scale the same"
          + " way (Kafka assigns the 12 partitions across all threads).",
      "Uses a fresh embedded broker in a temporary folder under ./data unless --bootstrap-servers"
          + " is given."
    })
final class BenchScaleCommand implements Callable<Integer> {

  private final CliContext context;
  @Mixin KafkaOptions kafka;
  @Mixin BenchOptions bench;

  @Option(
      names = "--records",
      defaultValue = "500000",
      paramLabel = "N",
      description = "Transactions to pre-load and drain in each run (default: ${DEFAULT-VALUE}).")
  long records;

  @Option(
      names = "--threads",
      defaultValue = "1,2,4",
      split = ",",
      paramLabel = "T",
      description = "Stream thread counts to measure (default: ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(
      names = "--guarantee",
      defaultValue = "exactly-once",
      paramLabel = "G",
      description = "exactly-once (default; exactly_once_v2) or at-least-once.")
  String guarantee;

  BenchScaleCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    ScaleScenario.Settings settings =
        new ScaleScenario.Settings(
            records, threads, Guarantee.fromCli(guarantee), bench.runs, bench.users);
    try (BenchEnvironment env =
        BenchEnvironment.start(kafka.config(), context.out()::println, context.shutdown())) {
      env.finish(new ScaleScenario(env, settings).run(), bench.json);
      return 0;
    }
  }
}
