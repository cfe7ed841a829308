package io.streamsentinel.cli;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.streaming.DetectorCounters;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.streaming.UserStateLookup;
import io.streamsentinel.web.RouteGroup;
import io.streamsentinel.web.UserRoutes;
import java.time.Clock;
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
          + " detector's state, asked of whichever instance hosts the user's partition."
    })
final class DetectCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin KafkaOptions kafka;
  @Mixin DetectorOptions detector;
  @Mixin HttpOptions http;
  @Mixin HealthOptions health;

  DetectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Integer mismatch = Topics.ensure(context, kafka);
    if (mismatch != null) {
      return mismatch;
    }
    DetectorSettings settings = detector.settings(kafka.configFile().transactionLimits());
    ClientConfigFactory clients = new ClientConfigFactory(kafka.kafkaSettings());
    context
        .out()
        .printf(
            "Detector at %s: %s, %d thread(s), rules %s, alert threshold %s. Ctrl-C stops.%n",
            kafka.kafkaSettings().bootstrapServers(),
            detector.streams().guarantee().config(),
            detector.threads,
            settings.rules().version(),
            settings.alertThreshold());
    HostInfo endpoint = http.endpoint(context, null);
    try (ProcessMetrics metrics = new ProcessMetrics();
        DetectorService service =
            new DetectorService(
                clients.streams(detector.streams().withEndpoint(endpoint)), settings, metrics);
        ComponentMonitoring monitoring =
            new ComponentMonitoring(
                context,
                clients,
                "detector",
                admin -> ComponentProbes.detector(service.counters(), admin),
                metrics,
                http,
                health,
                null,
                endpoint == null ? List.of() : List.of(userRoutes(service, endpoint)),
                false)) {
      service.start();
      long[] last = {0};
      context.statusEverySecond(
          service::isAlive,
          () -> {
            long scored = service.counters().scoredCount();
            String line =
                String.format(Locale.ROOT, "%s  (%,d/s)", status(service), scored - last[0]);
            last[0] = scored;
            return line;
          });
      if (service.failure() != null) {
        context.err().println("detect: stopped by an error: " + service.failure());
        return 1;
      }
    }
    context.out().println("Detector stopped.");
    return 0;
  }

  /**
   * The user API over this detector's state.
   *
   * @param endpoint where this process serves HTTP, as announced in {@code application.server}
   */
  static RouteGroup userRoutes(DetectorService service, HostInfo endpoint) {
    return new UserRoutes(
        new UserStateLookup(service.streams(), endpoint)::find, Clock.systemUTC());
  }

  /** One status line of a detector. */
  static String status(DetectorService service) {
    DetectorCounters c = service.counters();
    return String.format(
        Locale.ROOT,
        "[%s] scored %,d  alerts %,d  dlq %,d  duplicates %,d",
        service.state(),
        c.scoredCount(),
        c.alertCount(),
        c.deadLetterCount(),
        c.duplicateCount());
  }
}
