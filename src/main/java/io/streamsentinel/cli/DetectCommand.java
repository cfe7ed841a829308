package io.streamsentinel.cli;

import io.streamsentinel.access.ApiKeyStore;
import io.streamsentinel.app.ComponentMonitoring;
import io.streamsentinel.app.ComponentProbes;
import io.streamsentinel.app.StageRoutes;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.database.Database;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.web.HttpBinding;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sentinel detect}: the detection topology as its own process. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the fraud detector (Kafka Streams, application id fraud-detection-group) until Ctrl-C: scores every"
          + " transaction of synthetic-transactions into fraud-scores, alerts into fraud-alerts, bad input into"
          + " synthetic-transactions-dlq.",
      "Start more instances with the same options to share the partitions; Kafka rebalances them.",
      "With --http-port it also serves GET /api/users/{id}: a user's profile and account status from the"
          + " detector's state, asked of whichever instance hosts the user's partition. Every route but"
          + " /health then needs an API key, checked in the database (--db-url, or the embedded one a"
          + " running demo or persist started)."
    })
final class DetectCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin KafkaOptions kafka;
  @Mixin DetectorOptions detector;
  @Mixin HttpOptions http;
  @Mixin DatabaseOptions db;
  @Mixin HealthOptions health;

  DetectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    KafkaConfig config = kafka.config();
    Topics.ensure(context, config);
    DetectorSettings settings = detector.settings(config.limits());
    ClientConfigFactory clients = config.clients();
    context
        .out()
        .printf(
            "Detector at %s: %s, %d thread(s), rules %s, alert threshold %s. Ctrl-C stops.%n",
            config.settings().bootstrapServers(),
            detector.streams().guarantee().config(),
            detector.threads,
            settings.rules().version(),
            settings.alertThreshold());
    HttpBinding httpBinding = http.settle(context, null);
    HostInfo endpoint = httpBinding.endpoint();
    try (Database keys = httpBinding.enabled() ? KeyDatabase.open(db) : null;
        ProcessMetrics metrics = new ProcessMetrics();
        DetectorService service =
            new DetectorService(
                clients.streams(detector.streams().withEndpoint(endpoint)),
                settings,
                metrics,
                clients);
        ComponentMonitoring monitoring =
            new ComponentMonitoring(
                context.out()::println,
                clients,
                metrics,
                new ComponentMonitoring.Options(
                    "detector",
                    admin -> ComponentProbes.detector(service, admin),
                    httpBinding,
                    keys == null ? null : http.access(new ApiKeyStore(keys)),
                    health.settings(),
                    endpoint == null ? List.of() : List.of(StageRoutes.users(service, endpoint)),
                    false))) {
      service.start();
      long[] last = {0};
      context.statusEverySecond(
          service::isAlive,
          () -> {
            long scored = service.counters().scoredCount();
            String line =
                String.format(
                    Locale.ROOT, "%s  (%,d/s)", StatusLines.detector(service), scored - last[0]);
            last[0] = scored;
            return line;
          });
      if (context.stoppedUnexpectedly("detect", service.isAlive(), service.failure())) {
        return 1;
      }
    }
    context.out().println("Detector stopped.");
    return 0;
  }
}
