package io.streamsentinel.cli;

import io.streamsentinel.access.ApiKeyStore;
import io.streamsentinel.app.ComponentMonitoring;
import io.streamsentinel.app.ComponentProbes;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.database.Database;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.response.ResponderService;
import io.streamsentinel.response.ResponderSettings;
import io.streamsentinel.web.HttpBinding;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sentinel respond}: the alert responder as its own process. */
@Command(
    name = "respond",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the alert responder (consumer group alert-response-group) until Ctrl-C: reads fraud-alerts, decides"
          + " actions by severity and history, and writes them to user-actions and account-status in one Kafka"
          + " transaction with the consumed offsets.",
      "CRITICAL: block + notify fraud team; HIGH: step-up auth + investigation; MEDIUM: manual review;"
          + " LOW: monitor. A repeat offender (3 alerts in 7 days) is escalated one tier.",
      "Notifications are not part of that transaction: a second thread (consumer group"
          + " alert-notification-group) reads them back from user-actions and delivers them to the log or"
          + " --webhook, at least once, so a failing webhook never delays a block.",
      "Exits 1 with the cause if the responder or the notifier stops by itself."
    })
final class RespondCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin KafkaOptions kafka;
  @Mixin ResponderOptions responder;
  @Mixin HttpOptions http;
  @Mixin DatabaseOptions db;
  @Mixin HealthOptions health;

  RespondCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    KafkaConfig config = kafka.config();
    Topics.ensure(context, config);
    ResponderSettings settings = responder.settings();
    context
        .out()
        .printf(
            "Responder at %s (%s). Ctrl-C stops.%n",
            config.settings().bootstrapServers(), settings.clientId());
    ClientConfigFactory clients = config.clients();
    HttpBinding httpBinding = http.settle(context, null);
    try (Database keys = httpBinding.enabled() ? KeyDatabase.open(db) : null;
        ProcessMetrics metrics = new ProcessMetrics();
        ResponderService run = new ResponderService(clients, settings, metrics).start();
        ComponentMonitoring monitoring =
            new ComponentMonitoring(
                context.out()::println,
                clients,
                metrics,
                new ComponentMonitoring.Options(
                    "responder",
                    admin -> ComponentProbes.responder(run.counters(), admin),
                    httpBinding,
                    keys == null ? null : http.access(new ApiKeyStore(keys)),
                    health.settings(),
                    List.of(),
                    false))) {
      context.statusEverySecond(run::isRunning, () -> StatusLines.responder(run.counters()));
      if (context.stoppedUnexpectedly("respond", run.isRunning(), run.fatalError())) {
        return 1;
      }
    }
    context.out().println("Responder stopped.");
    return 0;
  }
}
