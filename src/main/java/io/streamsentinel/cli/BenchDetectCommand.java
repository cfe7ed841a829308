package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.DetectScenario;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel bench detect}: the detector's drain rate against a pass-through stage. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Detector drain rate against a pass-through Streams stage, both guarantees.",
      "Pre-loads N generated transactions, then measures the drain rate of the detector with"
          + " exactly_once_v2 and with at_least_once and, in the same invocation, of a pass-through"
          + " Streams stage (one RocksDB get/put per record, input forwarded unchanged). Drain rate ="
          + " records processed / time from the first processed record to the last (start-up and"
          + " group join left out, commits in). 1 stream thread. Runs interleave; one warm-up round"
          + " first.",
      "Over the same span it also takes the CPU time per record of the whole JVM (broker"
          + " included when embedded) and of the stream thread: on a shared machine these move far"
          + " less than the rates.",
      "Uses a fresh embedded broker in a temporary folder under ./data unless --bootstrap-servers"
          + " is given."
    })
final class BenchDetectCommand implements Callable<Integer> {

  private final CliContext context;
  @Mixin KafkaOptions kafka;
  @Mixin BenchOptions bench;

  @Option(
      names = "--records",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "Transactions to pre-load and drain in each run (default: ${DEFAULT-VALUE}).")
  long records;

  BenchDetectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    try (BenchEnvironment env =
        BenchEnvironment.start(kafka.config(), context.out()::println, context.shutdown())) {
      DetectScenario.Settings settings =
          new DetectScenario.Settings(records, bench.runs, bench.users);
      env.finish(new DetectScenario(env, settings).run(), bench.json);
      return 0;
    }
  }
}
