package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.PersistScenario;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel bench persist}: the persistence sink's rate into PostgreSQL. */
@Command(
    name = "persist",
    mixinStandardHelpOptions = true,
    description = {
      "The persistence sink's drain rate into PostgreSQL (decisions/s) against a plain consumer.",
      "Pre-loads N decisions into fraud-scores (generated transactions scored in-process by the"
          + " detector's rules, encoded as the detector does), then measures a fresh sink (new"
          + " consumer group, emptied decisions table) from start to the commit of the last decision,"
          + " and, in the same invocation, a consumer with the sink's configuration that only counts"
          + " (Kafka's ceiling for the read). Runs interleave; one warm-up round first.",
      "Uses a fresh embedded broker and a fresh embedded PostgreSQL in a temporary folder under"
          + " ./data unless --bootstrap-servers / --db-url are given (then fraud-scores and the"
          + " decisions table of that cluster and database are used: use dedicated ones)."
    })
final class BenchPersistCommand implements Callable<Integer> {

  private final CliContext context;
  @Mixin KafkaOptions kafka;
  @Mixin BenchOptions bench;
  @Mixin DatabaseOptions db;

  @Option(
      names = "--records",
      defaultValue = "200000",
      paramLabel = "N",
      description = "Decisions pre-loaded and stored by each run (default: ${DEFAULT-VALUE}).")
  long records;

  @Option(
      names = "--sinks",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Sink instances sharing the consumer group in the measured variant (default: ${DEFAULT-VALUE});"
              + " with N > 1 a one-instance variant is measured too, to show how the rate scales.")
  int sinks;

  BenchPersistCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    try (BenchEnvironment env =
        BenchEnvironment.start(kafka.config(), context.out()::println, context.shutdown())) {
      PersistScenario.Settings settings =
          new PersistScenario.Settings(records, sinks, db.settings(true), bench.runs, bench.users);
      env.finish(new PersistScenario(env, settings).run(), bench.json);
      return 0;
    }
  }
}
