package io.streamsentinel.cli;

import io.streamsentinel.access.ApiKeyStore;
import io.streamsentinel.app.ComponentMonitoring;
import io.streamsentinel.app.ComponentProbes;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseException;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.persistence.SinkService;
import io.streamsentinel.web.CaseRoutes;
import java.util.List;
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
      "With --http-port it serves the review-case API (/api/cases), /metrics and /health; every route but"
          + " /health needs an API key (sentinel apikey create), checked in the same database."
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
    KafkaConfig config = kafka.config();
    Topics.ensure(context, config);
    try (Database database = Database.open(db.settings(fresh))) {
      context
          .out()
          .printf(
              "Persistence sink: %s -> %s. Ctrl-C stops.%n",
              config.settings().bootstrapServers(), database.description());
      ClientConfigFactory clients = config.clients();
      try (ProcessMetrics metrics = new ProcessMetrics();
          SinkService run = new SinkService(clients, database, instanceId).start();
          ComponentMonitoring monitoring =
              new ComponentMonitoring(
                  context.out()::println,
                  clients,
                  metrics,
                  new ComponentMonitoring.Options(
                      "persistence",
                      admin -> ComponentProbes.persistence(run.counters(), admin),
                      http.settle(context, null),
                      http.access(new ApiKeyStore(database)),
                      health.settings(),
                      List.of(new CaseRoutes(run.cases())),
                      false))) {
        context.statusEverySecond(run::isRunning, () -> StatusLines.sink(run.counters()));
        if (context.stoppedUnexpectedly("persist", run.isRunning(), run.fatalError())) {
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
}
