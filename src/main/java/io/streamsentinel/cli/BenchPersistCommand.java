package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.BenchReport;
import io.streamsentinel.bench.DecisionPreload;
import io.streamsentinel.bench.SinkThroughput;
import io.streamsentinel.bench.Spread;
import io.streamsentinel.bench.Trials;
import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseSettings;
import io.streamsentinel.kafka.ClientCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      DatabaseSettings settings = db.settings(true);
      if (settings.isEmbedded()) {
        settings =
            new DatabaseSettings(
                null,
                null,
                null,
                env.stateDir("postgres"),
                true,
                settings.poolSize(),
                // The pre-loaded decisions have fixed event times; keep retention from dropping
                // them.
                Duration.ofDays(3650));
      }
      DecisionPreload.run(env, records, bench.users);
      try (Database database = Database.open(settings)) {
        SinkThroughput throughput = new SinkThroughput(env.clients(), database, records, env.out());
        List<String> variants =
            sinks > 1 ? List.of("consumer", "sink", "sink_x" + sinks) : List.of("consumer", "sink");
        Map<String, Spread> rates =
            new Trials(variants, bench.runs, "records/s", env.out())
                .measure(
                    (variant, round) -> {
                      String group = "bench-" + variant + "-" + round;
                      return switch (variant) {
                        case "consumer" -> throughput.consumer(group);
                        case "sink" -> throughput.sink(group, 1);
                        default -> throughput.sink(group, sinks);
                      };
                    });
        double sink = rates.get(variants.get(variants.size() - 1)).median();
        double consumer = rates.get("consumer").median();
        BenchReport report =
            new BenchReport("persist", records, bench.runs)
                .put("sink_decisions_per_s", sink)
                .put("sink_one_instance_decisions_per_s", rates.get("sink").median())
                .put("consumer_records_per_s", consumer)
                .put("sink_ratio", sink / consumer)
                .variants(rates)
                .config("database", database.description())
                .config(
                    "sink_consumer",
                    env.clients()
                        .sinkConsumer("bench", ClientCatalog.PERSISTENCE_GROUP)
                        .get("max.poll.records"))
                .config("users", bench.users)
                .config("sink_instances", sinks);
        context
            .out()
            .printf(
                Locale.ROOT,
                "%nMedians over %d runs of %,d decisions:%n  %d sink(s) %,.0f decisions/s, plain"
                    + " consumer %,.0f records/s, ratio %.3f%n",
                bench.runs,
                records,
                sinks,
                sink,
                consumer,
                sink / consumer);
        env.finish(report, bench.json);
      }
      return 0;
    }
  }
}
