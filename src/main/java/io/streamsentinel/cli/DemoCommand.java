package io.streamsentinel.cli;

import io.streamsentinel.analytics.AnalyticsSettings;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.config.DataDirs;
import io.streamsentinel.config.Durations;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import io.streamsentinel.monitoring.BrokerMeters;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.persistence.Database;
import io.streamsentinel.persistence.DatabaseException;
import io.streamsentinel.persistence.DecisionCount;
import io.streamsentinel.persistence.PersistenceSink;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.web.CaseRoutes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.state.HostInfo;
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

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  /**
   * The demo serves its API, /metrics and /health here unless told otherwise (a free port if it is
   * taken).
   */
  private static final int DEFAULT_HTTP_PORT = 8080;

  private static final List<String> COUNTED_TOPICS =
      List.of(
          TopicCatalog.FRAUD_SCORES,
          TopicCatalog.FRAUD_ALERTS,
          TopicCatalog.USER_ACTIONS,
          TopicCatalog.TRANSACTIONS_DLQ,
          TopicCatalog.FRAUD_ALERTS_DLQ,
          TopicCatalog.PERSISTENCE_DLQ);
  private static final List<String> DLQ_TOPICS =
      List.of(
          TopicCatalog.TRANSACTIONS_DLQ,
          TopicCatalog.FRAUD_ALERTS_DLQ,
          TopicCatalog.PERSISTENCE_DLQ);

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
    EmbeddedKafkaBroker embedded =
        kafka.clusterGiven() ? null : new EmbeddedKafkaBroker(broker.settings());
    try {
      if (embedded != null) {
        if (broker.fresh) {
          DataDirs.deleteRecursively(
              detectorOptions.stateDir); // its state belongs to the wiped cluster
        }
        embedded.start();
        kafka.useCluster(embedded.bootstrapServers());
        context
            .out()
            .println(
                "Kafka broker (embedded, KRaft) at "
                    + embedded.bootstrapServers()
                    + ", data in "
                    + broker.dataDir
                    + (broker.fresh ? " (fresh)" : ""));
      }
      Integer mismatch = Topics.ensure(context, kafka);
      if (mismatch != null) {
        return mismatch;
      }
      try (Database database = Database.open(databaseOptions.settings(broker.fresh))) {
        context.out().println("Database: " + database.description());
        return runPipeline(database, embedded != null);
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

  private int runPipeline(Database database, boolean brokerInProcess) throws Exception {
    ClientConfigFactory clients = new ClientConfigFactory(kafka.kafkaSettings());
    GeneratorSettings settings = generator.settings();
    try (ProcessMetrics metrics = new ProcessMetrics();
        Admin admin =
            Admin.create(clients.admin(ComponentClients.TOPICS_CLIENT_ID).toProperties())) {
      if (brokerInProcess) {
        metrics.bind(new BrokerMeters());
      }
      Map<TopicPartition, Long> start = TopicOffsets.endOffsets(admin, COUNTED_TOPICS);
      long rowsBefore = DecisionCount.of(database);
      long startNanos = System.nanoTime();
      printPlan(settings);
      HostInfo endpoint = http.endpoint(context, DEFAULT_HTTP_PORT);
      DetectorService detector =
          new DetectorService(
                  clients.streams(detectorOptions.streams().withEndpoint(endpoint)),
                  detectorOptions.settings(kafka.configFile().transactionLimits()),
                  metrics)
              .start();
      GeneratorRun run =
          new GeneratorRun(
              clients,
              settings,
              new TransactionCodec(kafka.configFile().transactionLimits()),
              new PublishPlan(TopicCatalog.TRANSACTIONS, tps, 0, duration),
              metrics);
      ResponderRun responder = new ResponderRun(clients, responderOptions, metrics);
      PersistRun sink = new PersistRun(clients, database, "demo");
      AnalyticsRun analytics =
          new AnalyticsRun(
              clients,
              database,
              new AnalyticsSettings(detectorOptions.alertThreshold, Duration.ofSeconds(1)));
      try (detector;
          responder;
          sink;
          analytics;
          run;
          ComponentMonitoring monitoring =
              new ComponentMonitoring(
                  context,
                  clients,
                  "demo",
                  a ->
                      ComponentProbes.demo(
                          run.stats(), detector.counters(), responder.counters(), a),
                  metrics,
                  http,
                  health,
                  DEFAULT_HTTP_PORT,
                  List.of(
                      new CaseRoutes(sink.cases()), DetectCommand.userRoutes(detector, endpoint)),
                  true)) {
        PublishProgress progress = new PublishProgress(run.stats(), 0, duration);
        run.awaitEnd(
            context.shutdown(),
            () ->
                context
                    .out()
                    .println(
                        progress.line(run.elapsedSeconds())
                            + "  | "
                            + DetectCommand.status(detector)
                            + "  | "
                            + RespondCommand.status(responder.counters())
                            + "  | "
                            + PersistCommand.status(sink.counters())));
        run.close(); // the generator stops first; the detector drains what it sent
        context.out().println(progress.summary(run.elapsedSeconds()));
        drain(
            admin,
            "detector",
            detector::isAlive,
            DetectorSettings.APPLICATION_ID,
            TopicCatalog.TRANSACTIONS);
        drain(
            admin,
            "responder",
            responder::isRunning,
            ResponderRun.GROUP_ID,
            TopicCatalog.FRAUD_ALERTS);
        for (String topic : PersistenceSink.TOPICS) {
          drain(admin, "persistence", sink::isRunning, PersistenceSink.GROUP_ID, topic);
        }
        drain(
            admin,
            "analytics",
            analytics::isRunning,
            AnalyticsSettings.GROUP_ID,
            TopicCatalog.FRAUD_SCORES);
      }
      DemoSummary summary =
          summarize(
              clients,
              start,
              run,
              settings,
              DecisionCount.of(database) - rowsBefore,
              (System.nanoTime() - startNanos) / 1e9);
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
      return run.fatalError() == null
              && detector.failure() == null
              && responder.fatalError() == null
              && sink.fatalError() == null
              && analytics.fatalError() == null
          ? 0
          : 1;
    }
  }

  private void printPlan(GeneratorSettings settings) {
    context
        .out()
        .printf(
            "Generator: %s, %,d users, fraud rate %s, seed %d. Detector: %s.%s%n",
            RateOption.describe(tps),
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

  /**
   * Waits until a stage has committed everything of its input topic, or the drain timeout passes.
   */
  private void drain(Admin admin, String stage, BooleanSupplier alive, String group, String topic)
      throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    long lag = TopicOffsets.groupLag(admin, group, topic);
    while (lag > 0 && alive.getAsBoolean() && System.nanoTime() < deadline) {
      context.out().printf("Draining: %s lag %,d%n", stage, lag);
      Thread.sleep(1_000); // a status line a second while the stage catches up
      lag = TopicOffsets.groupLag(admin, group, topic);
    }
    if (lag > 0) {
      context
          .err()
          .printf("demo: %s still %,d behind after draining; counts are partial%n", stage, lag);
    }
  }

  private DemoSummary summarize(
      ClientConfigFactory clients,
      Map<TopicPartition, Long> start,
      GeneratorRun run,
      GeneratorSettings settings,
      long persisted,
      double elapsed) {
    Map<String, Long> actionsByType = new TreeMap<>();
    long actions =
        CommittedRecords.read(
            clients,
            TopicCatalog.USER_ACTIONS,
            start,
            r ->
                actionsByType.merge(
                    UserActionCodec.decode(r.value()).actionType().name(), 1L, Long::sum));
    long dlq = 0;
    for (String topic : DLQ_TOPICS) {
      dlq += CommittedRecords.count(clients, topic, start);
    }
    return new DemoSummary(
        run.stats().acked(),
        run.stats().failed(),
        run.stats().fraudLabelled(),
        CommittedRecords.count(clients, TopicCatalog.FRAUD_SCORES, start),
        CommittedRecords.count(clients, TopicCatalog.FRAUD_ALERTS, start),
        actions,
        actionsByType,
        dlq,
        persisted,
        elapsed,
        settings.seed(),
        kafka.kafkaSettings().bootstrapServers(),
        DemoSummary.NOT_BUILT);
  }
}
