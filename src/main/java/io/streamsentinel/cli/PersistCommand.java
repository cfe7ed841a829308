package io.streamsentinel.cli;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.persistence.Database;
import io.streamsentinel.persistence.DatabaseException;
import io.streamsentinel.persistence.SinkCounters;
import io.streamsentinel.web.CaseRoutes;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel persist}: the persistence sink as its own process. */
@Command(
    name = "persist",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the persistence sink (consumer group persistence-group) until Ctrl-C: stores fraud-scores,"
          + " fraud-alerts, user-actions and account-status in PostgreSQL, one database transaction per poll,"
          + " offsets committed only after the database commit. Idempotent by transaction_id, alert_id and"
          + " action_id, so redelivery never doubles a row. MANUAL_REVIEW and OPEN_INVESTIGATION actions open"
          + " review cases.",
      "If the database is unreachable the sink pauses its partitions and retries with backoff; undecodable"
          + " records go to persistence-dlq. Without --db-url it starts (or attaches to) the embedded"
          + " PostgreSQL in ./data/postgres.",
      "With --http-port it serves the review-case API (/api/cases), /metrics and /health."
    })
final class PersistCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin KafkaOptions kafka;
  @Mixin DatabaseOptions db;
  @Mixin HttpOptions http;
  @Mixin HealthOptions health;

  @Option(
      names = "--instance-id",
      paramLabel = "ID",
      defaultValue = "1",
      description = "Distinguishes sink processes sharing the group (default: ${DEFAULT-VALUE}).")
  String instanceId;

  @Option(names = "--fresh", description = "Wipe the embedded database's data before starting.")
  boolean fresh;

  PersistCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Integer mismatch = Topics.ensure(context, kafka);
    if (mismatch != null) {
      return mismatch;
    }
    try (Database database = Database.open(db.settings(fresh))) {
      context
          .out()
          .printf(
              "Persistence sink: %s -> %s. Ctrl-C stops.%n",
              kafka.kafkaSettings().bootstrapServers(), database.description());
      ClientConfigFactory clients = new ClientConfigFactory(kafka.kafkaSettings());
      try (ProcessMetrics metrics = new ProcessMetrics();
          PersistRun run = new PersistRun(clients, database, instanceId);
          ComponentMonitoring monitoring =
              new ComponentMonitoring(
                  context,
                  clients,
                  "persistence",
                  admin -> ComponentProbes.persistence(run.counters(), admin),
                  metrics,
                  http,
                  health,
                  null,
                  List.of(new CaseRoutes(run.cases())),
                  false)) {
        context.statusEverySecond(run::isRunning, () -> status(run.counters()));
        if (run.fatalError() != null) {
          context.err().println("persist: stopped by an error: " + run.fatalError());
          return 1;
        }
      }
    } catch (DatabaseException e) {
      context.err().println("persist: " + e.getMessage());
      return 2;
    }
    context.out().println("Persistence sink stopped.");
    return 0;
  }

  static String status(SinkCounters c) {
    String waiting = c.waitingFor() == null ? "" : "  PAUSED, retrying: " + c.waitingFor();
    return String.format(
        Locale.ROOT,
        "stored decisions %,d  alerts %,d  actions %,d  statuses %,d  dlq %,d%s",
        c.decisions(),
        c.alerts(),
        c.actions(),
        c.statuses(),
        c.deadLetters(),
        waiting);
  }
}
