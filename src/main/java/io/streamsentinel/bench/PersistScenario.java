package io.streamsentinel.bench;

import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseSettings;
import io.streamsentinel.kafka.ClientCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench persist}: the persistence sink's drain rate into PostgreSQL against a consumer with
 * the sink's configuration that only counts (Kafka's ceiling for the read).
 */
public final class PersistScenario {

  /**
   * @param records decisions pre-loaded and stored by each run
   * @param sinks sink instances sharing the consumer group in the measured variant
   * @param database the database the user named, or the embedded one (then it lives in the
   *     environment's work folder)
   * @param runs measured runs of each variant, after one warm-up
   * @param users synthetic users the generator draws from
   */
  public record Settings(long records, int sinks, DatabaseSettings database, int runs, int users) {}

  /** The pre-loaded decisions have fixed event times; keep retention from dropping them. */
  private static final Duration EMBEDDED_RETENTION = Duration.ofDays(3650);

  private final BenchEnvironment env;
  private final Settings settings;

  public PersistScenario(BenchEnvironment env, Settings settings) {
    this.env = env;
    this.settings = settings;
  }

  /** Pre-loads, measures every variant, prints the medians and returns the report. */
  public BenchReport run() throws Exception {
    DecisionPreload.run(env, settings.records(), settings.users());
    try (Database database = Database.open(databaseSettings())) {
      SinkThroughput throughput =
          new SinkThroughput(env.clients(), database, settings.records(), env.out());
      int sinks = settings.sinks();
      List<String> variants =
          sinks > 1 ? List.of("consumer", "sink", "sink_x" + sinks) : List.of("consumer", "sink");
      Map<String, Spread> rates =
          new Trials(variants, settings.runs(), "records/s", env.out())
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
      env.out()
          .accept(
              String.format(
                  Locale.ROOT,
                  "%nMedians over %d runs of %,d decisions:%n  %d sink(s) %,.0f decisions/s, plain"
                      + " consumer %,.0f records/s, ratio %.3f",
                  settings.runs(),
                  settings.records(),
                  sinks,
                  sink,
                  consumer,
                  sink / consumer));
      return new BenchReport("persist", settings.records(), settings.runs())
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
          .config("users", settings.users())
          .config("sink_instances", sinks);
    }
  }

  private DatabaseSettings databaseSettings() {
    DatabaseSettings given = settings.database();
    if (!given.isEmbedded()) {
      return given;
    }
    return new DatabaseSettings(
        null, null, null, env.stateDir("postgres"), true, given.poolSize(), EMBEDDED_RETENTION);
  }
}
