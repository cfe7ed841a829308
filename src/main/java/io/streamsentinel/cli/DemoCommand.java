package io.streamsentinel.cli;

import io.streamsentinel.access.ApiKeyStore;
import io.streamsentinel.analytics.AnalyticsSettings;
import io.streamsentinel.app.ComponentMonitoring;
import io.streamsentinel.app.ComponentProbes;
import io.streamsentinel.app.DemoKey;
import io.streamsentinel.app.DemoPipeline;
import io.streamsentinel.app.DemoSummary;
import io.streamsentinel.app.StageRoutes;
import io.streamsentinel.config.ConfigFile;
import io.streamsentinel.config.Durations;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseException;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.generator.PublishProgress;
import io.streamsentinel.kafka.ComponentAccess;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.SecuritySetup;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.monitoring.BrokerMeters;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.web.CaseRoutes;
import io.streamsentinel.web.HttpBinding;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentinel demo}: the whole system in one process on an embedded broker. On stop the
 * generator stops first, the rest drains, and a summary is printed (and written as JSON when
 * asked).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole system in this process: a real embedded Kafka broker and PostgreSQL, the topics, the"
          + " generator, detector, responder, persistence sink and batch analytics, and an HTTP server (the live"
          + " dashboard at /, the review-case API, the user API /api/users/{id}, /metrics, /health; port 8080 by"
          + " default), with a status line each second.",
      "Stops on Ctrl-C or after --duration, then prints a summary. With --bootstrap-servers it uses that cluster"
          + " instead of starting a broker."
    })
final class DemoCommand implements Callable<Integer> {

  /**
   * The demo serves its API, /metrics and /health here unless told otherwise (a free port if it is
   * taken).
   */
  private static final int DEFAULT_HTTP_PORT = 8080;

  private final CliContext context;

  @Mixin KafkaOptions kafka;
  @Mixin BrokerOptions broker;
  @Mixin GeneratorOptions generator;
  @Mixin DetectorOptions detectorOptions;
  @Mixin ResponderOptions responderOptions;
  @Mixin DatabaseOptions databaseOptions;
  @Mixin HttpOptions http;
  @Mixin HealthOptions health;

  @Option(
      names = "--tps",
      paramLabel = "N|max",
      defaultValue = "3000",
      converter = RateOption.class,
      description = "Transactions per second from the generator (default: ${DEFAULT-VALUE}).")
  double tps;

  @Option(
      names = "--duration",
      paramLabel = "D",
      converter = DurationOption.class,
      description = "Stop by itself after this long, e.g. 30s, 5m (default: run until Ctrl-C).")
  Duration duration;

  @Option(
      names = "--summary-json",
      paramLabel = "FILE",
      description = "Also write the summary as JSON here.")
  Path summaryJson;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    KafkaConfig config = kafka.config();
    if (broker.secure && config.clusterGiven()) {
      context
          .err()
          .println(
              "demo: --secure secures the embedded broker; on your own cluster run 'sentinel"
                  + " security init' and start each component with its settings file (--config)");
      return 2;
    }
    EmbeddedKafkaBroker embedded =
        config.clusterGiven() ? null : new EmbeddedKafkaBroker(broker.settings());
    try {
      if (embedded != null) {
        if (broker.fresh) {
          Utils.delete(detectorOptions.stateDir.toFile()); // its state belongs to the wiped cluster
        }
        embedded.start();
        config = config.onCluster(embedded.bootstrapServers());
        context
            .out()
            .println(
                "Kafka broker (embedded, KRaft) at "
                    + embedded.bootstrapServers()
                    + ", data in "
                    + broker.dataDir
                    + (broker.fresh ? " (fresh)" : ""));
      }
      Map<String, KafkaConfig> principals =
          embedded != null && embedded.adminSettings() != null
              ? principals(config, embedded.adminSettings())
              : Map.of();
      Topics.ensure(context, principals.getOrDefault("operator", config));
      try (Database database = Database.open(databaseOptions.settings(broker.fresh))) {
        context.out().println("Database: " + database.description());
        return runPipeline(config, principals, database, embedded != null);
      } catch (DatabaseException e) {
        context.err().println("demo: " + e.getMessage());
        return 2;
      }
    } finally {
      if (embedded != null) {
        embedded.close();
        context.out().println("Broker stopped.");
      }
    }
  }

  /**
   * The secure broker's component users (created or refreshed with {@link SecuritySetup}, their
   * settings files next to the broker's data) and each component's configuration as its user.
   */
  private Map<String, KafkaConfig> principals(KafkaConfig config, Path adminSettings)
      throws InterruptedException {
    KafkaConfig admin = config.withOverridesFirst(ConfigFile.load(adminSettings).kafkaOverrides());
    Path dir = broker.dataDir.toAbsolutePath().getParent().resolve("security");
    List<SecuritySetup.Component> components =
        SecuritySetup.run(admin.settings(), ComponentAccess.components(), dir, line -> {});
    Map<String, KafkaConfig> principals = new LinkedHashMap<>();
    for (SecuritySetup.Component c : components) {
      principals.put(
          c.name(), config.withOverridesFirst(ConfigFile.load(c.settings()).kafkaOverrides()));
    }
    context
        .out()
        .println(
            "Secure: clients authenticate with SCRAM-SHA-512 over TLS and ACLs apply; each stage"
                + " runs as its own Kafka user ("
                + String.join(", ", principals.keySet())
                + "), settings in "
                + dir
                + "; admin settings in "
                + adminSettings);
    return principals;
  }

  private int runPipeline(
      KafkaConfig config,
      Map<String, KafkaConfig> principals,
      Database database,
      boolean brokerInProcess)
      throws Exception {
    GeneratorSettings settings = generator.settings();
    printPlan(settings);
    HttpBinding httpBinding = http.settle(context, DEFAULT_HTTP_PORT);
    DemoPipeline.Plan plan =
        new DemoPipeline.Plan(
            config,
            settings,
            new PublishPlan(TopicCatalog.TRANSACTIONS, tps, 0, duration),
            detectorOptions.settings(config.limits()),
            detectorOptions.streams().withEndpoint(httpBinding.endpoint()),
            responderOptions.settings(),
            new AnalyticsSettings(detectorOptions.alertThreshold, Duration.ofSeconds(1)),
            principals);
    DemoPipeline pipeline;
    String failure;
    try (ProcessMetrics metrics = new ProcessMetrics()) {
      if (brokerInProcess) {
        metrics.bind(new BrokerMeters());
      }
      pipeline = new DemoPipeline(plan, database, metrics, context.out()::println);
      ApiKeyStore keys = new ApiKeyStore(database);
      try (pipeline;
          DemoKey key = DemoKey.create(keys, Clock.systemUTC());
          ComponentMonitoring monitoring =
              new ComponentMonitoring(
                  context.out()::println,
                  principals.getOrDefault("monitoring", config).clients(),
                  metrics,
                  new ComponentMonitoring.Options(
                      "demo",
                      a ->
                          ComponentProbes.demo(
                              pipeline.generator().stats(),
                              pipeline.detector(),
                              pipeline.responder().counters(),
                              a),
                      httpBinding,
                      http.access(keys),
                      health.settings(),
                      List.of(
                          new CaseRoutes(pipeline.sink().cases()),
                          StageRoutes.users(pipeline.detector(), httpBinding.endpoint())),
                      true,
                      pipeline.detector().drift()::report))) {
        context
            .out()
            .println(
                "API key "
                    + key.name()
                    + " (admin, revoked when the demo stops; shown only now): "
                    + key.secret());
        PublishProgress progress = new PublishProgress(pipeline.generator().stats(), 0, duration);
        pipeline
            .generator()
            .awaitEnd(
                context.shutdown(),
                () -> {
                  stopOnFailure(pipeline);
                  context
                      .out()
                      .println(
                          progress.line(pipeline.generator().elapsedSeconds())
                              + "  | "
                              + StatusLines.detector(pipeline.detector())
                              + "  | "
                              + StatusLines.responder(pipeline.responder().counters())
                              + "  | "
                              + StatusLines.sink(pipeline.sink().counters())
                              + "  | learning: "
                              + pipeline.learner().state());
                });
        pipeline.generator().close();
        context.out().println(progress.summary(pipeline.generator().elapsedSeconds()));
        pipeline.drain(context.out()::println, context.err()::println);
        failure = pipeline.failure(); // before closing, which stops every stage
      }
    }
    DemoSummary summary = pipeline.summarize();
    context.out().println(summary.text());
    context
        .out()
        .println(
            "Stored in "
                + database.description()
                + ". Next: ./sentinel report (statistics and detection quality),"
                + " ./sentinel cases list (review cases).");
    if (summaryJson != null) {
      summary.write(summaryJson);
      context.out().println("Summary written to " + summaryJson);
    }
    if (failure != null) {
      context.err().println("demo: stopped by an error: " + failure);
      return 1;
    }
    return 0;
  }

  /** A stage that stopped by itself ends the demo: the others would run on without it. */
  private void stopOnFailure(DemoPipeline pipeline) {
    String failure = pipeline.failure();
    if (failure != null && !context.shutdown().isRequested()) {
      context.err().println("demo: " + failure + "; stopping");
      context.shutdown().request();
    }
  }

  private void printPlan(GeneratorSettings settings) {
    context
        .out()
        .printf(
            "Generator: %s, world %s, %,d users, fraud rate %s, seed %d. Detector: %s.%s%n",
            RateOption.describe(tps),
            settings.world().wireName(),
            settings.users(),
            settings.fraudRate(),
            settings.seed(),
            detectorOptions.streams().guarantee().config(),
            DemoSummary.NOT_BUILT.isEmpty()
                ? ""
                : " Not built yet: " + String.join(", ", DemoSummary.NOT_BUILT) + ".");
    context
        .out()
        .println(
            duration == null
                ? "Press Ctrl-C to stop."
                : "Running for " + Durations.format(duration) + "...");
  }
}
