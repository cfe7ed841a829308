package io.streamsentinel.cli;

import io.streamsentinel.analytics.AnalyticsCounters;
import io.streamsentinel.analytics.AnalyticsService;
import io.streamsentinel.analytics.AnalyticsSettings;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.database.Database;
import io.streamsentinel.detection.Decision;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel analytics}: the batch consumer that fills the analytics tables. */
@Command(
    name = "analytics",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the batch analytics consumer (group analytics-group; earliest, max.poll.records 10000,"
          + " fetch.max.wait.ms 5000, read_committed) until Ctrl-C: aggregates fraud-scores into the"
          + " analytics tables — volume, fraud rate, alerts and precision by merchant category, country,"
          + " hour of day (UTC), amount bucket and severity, and a score histogram for exact detection"
          + " quality. Each batch and its offsets are one database transaction, then one Kafka commit.",
      "Undecodable records are counted and sent to persistence-dlq. Read the result with sentinel report."
    })
final class AnalyticsCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin KafkaOptions kafka;
  @Mixin DatabaseOptions database;

  @Option(
      names = "--until-caught-up",
      description = "Stop once every partition is read to its end (for scripts).")
  boolean untilCaughtUp;

  @Option(
      names = "--alert-threshold",
      paramLabel = "S",
      defaultValue = "" + Decision.DEFAULT_ALERT_THRESHOLD,
      description =
          "Scores at or above it count as alerts in the statistics; use the detector's (default:"
              + " ${DEFAULT-VALUE}).")
  double alertThreshold;

  AnalyticsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    KafkaConfig config = kafka.config();
    Topics.ensure(context, config);
    AnalyticsSettings settings = new AnalyticsSettings(alertThreshold, Duration.ofSeconds(1));
    try (Database db = Database.open(database.settings(false))) {
      context
          .out()
          .printf(
              "Analytics from %s into %s.%s%n",
              config.settings().bootstrapServers(),
              db.description(),
              untilCaughtUp ? " Stops when caught up." : " Ctrl-C stops.");
      try (AnalyticsService run = new AnalyticsService(config.clients(), db, settings).start()) {
        context.statusEverySecond(
            () -> run.isRunning() && !(untilCaughtUp && run.isCaughtUp()),
            () -> status(run.counters()));
        if (context.stoppedUnexpectedly("analytics", run.isRunning(), run.fatalError())) {
          return 1;
        }
        context.out().println(status(run.counters()));
      }
    }
    context.out().println("Analytics stopped.");
    return 0;
  }

  /** Progress: what this process counted and what is left on its partitions. */
  static String status(AnalyticsCounters c) {
    long remaining = c.remaining();
    String left =
        remaining < 0
            ? "waiting for partitions"
            : String.format(
                Locale.ROOT,
                "%,d to go (%.1f %% done)",
                remaining,
                c.records() + remaining == 0
                    ? 100.0
                    : 100.0 * c.records() / (c.records() + remaining));
    return String.format(
        Locale.ROOT,
        "analytics: counted %,d records in %,d batches, %s; dlq %,d",
        c.records(),
        c.batches(),
        left,
        c.deadLetters());
  }
}
