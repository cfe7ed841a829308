package io.streamsentinel.cli;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.config.Durations;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
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
      "Runs the whole system in this process: a real embedded Kafka broker, the topics and the transaction"
          + " generator, plus every pipeline stage built so far, with a status line each second.",
      "Stops on Ctrl-C or after --duration, then prints a summary. With --bootstrap-servers it uses that cluster"
          + " instead of starting a broker."
    })
final class DemoCommand implements Callable<Integer> {

  private static final List<String> DLQ_TOPICS =
      List.of(TopicCatalog.TRANSACTIONS_DLQ, TopicCatalog.FRAUD_ALERTS_DLQ);

  private final CliContext context;

  @Mixin KafkaOptions kafka;
  @Mixin BrokerOptions broker;
  @Mixin GeneratorOptions generator;

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
        embedded.start();
        kafka.bootstrapServers = embedded.bootstrapServers();
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
      return mismatch != null ? mismatch : runPipeline();
    } finally {
      if (embedded != null) {
        embedded.close();
        context.out().println("Broker stopped.");
      }
    }
  }

  private int runPipeline() throws Exception {
    ClientConfigFactory clients = new ClientConfigFactory(kafka.kafkaSettings());
    GeneratorSettings settings = generator.settings();
    try (Admin admin =
        Admin.create(clients.admin(ComponentClients.TOPICS_CLIENT_ID).toProperties())) {
      long dlqBefore = TopicOffsets.endOffsetSum(admin, DLQ_TOPICS);
      long startNanos = System.nanoTime();
      context
          .out()
          .printf(
              "Generator: %s, %,d users, fraud rate %s, seed %d. Not built yet: %s.%n",
              RateOption.describe(tps),
              settings.users(),
              settings.fraudRate(),
              settings.seed(),
              String.join(", ", DemoSummary.NOT_BUILT));
      context
          .out()
          .println(
              duration == null
                  ? "Press Ctrl-C to stop."
                  : "Running for " + Durations.format(duration) + "...");
      GeneratorRun run =
          new GeneratorRun(
              clients,
              settings,
              new TransactionCodec(kafka.configFile().transactionLimits()),
              new PublishPlan(TopicCatalog.TRANSACTIONS, tps, 0, duration));
      PublishProgress progress = new PublishProgress(run.stats(), 0);
      try (run) {
        run.awaitEnd(
            context.shutdown(), () -> context.out().println(progress.line(run.elapsedSeconds())));
      }
      // Nothing downstream to drain yet: the detector, responder and sink come with later issues.
      DemoSummary summary =
          new DemoSummary(
              run.stats().acked(),
              run.stats().failed(),
              run.stats().fraudLabelled(),
              0,
              0,
              0,
              TopicOffsets.endOffsetSum(admin, DLQ_TOPICS) - dlqBefore,
              0,
              (System.nanoTime() - startNanos) / 1e9,
              settings.seed(),
              kafka.kafkaSettings().bootstrapServers(),
              DemoSummary.NOT_BUILT);
      context.out().println(progress.summary(run.elapsedSeconds()));
      context.out().println(summary.text());
      if (summaryJson != null) {
        summary.write(summaryJson);
        context.out().println("Summary written to " + summaryJson);
      }
      return run.fatalError() == null ? 0 : 1;
    }
  }
}
