package io.streamsentinel.cli;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.response.ResponderCounters;
import java.util.List;
import java.util.Locale;
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
          + " LOW: monitor. A repeat offender (3 alerts in 7 days) is escalated one tier."
    })
final class RespondCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin KafkaOptions kafka;
  @Mixin ResponderOptions responder;
  @Mixin HttpOptions http;
  @Mixin HealthOptions health;

  RespondCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Integer mismatch = Topics.ensure(context, kafka);
    if (mismatch != null) {
      return mismatch;
    }
    context
        .out()
        .printf(
            "Responder at %s (%s). Ctrl-C stops.%n",
            kafka.kafkaSettings().bootstrapServers(), ResponderRun.clientId(responder));
    ClientConfigFactory clients = new ClientConfigFactory(kafka.kafkaSettings());
    try (ProcessMetrics metrics = new ProcessMetrics();
        ResponderRun run = new ResponderRun(clients, responder, metrics);
        ComponentMonitoring monitoring =
            new ComponentMonitoring(
                context,
                clients,
                "responder",
                admin -> ComponentProbes.responder(run.counters(), admin),
                metrics,
                http,
                health,
                null,
                List.of(),
                false)) {
      context.statusEverySecond(run::isRunning, () -> status(run.counters()));
      if (run.fatalError() != null) {
        context.err().println("respond: stopped by an error: " + run.fatalError());
        return 1;
      }
    }
    context.out().println("Responder stopped.");
    return 0;
  }

  static String status(ResponderCounters c) {
    return String.format(
        Locale.ROOT,
        "alerts handled %,d  actions %,d  dlq %,d  sla misses %,d",
        c.alertCount(),
        c.actionCount(),
        c.deadLetterCount(),
        c.slaMissCount());
  }
}
