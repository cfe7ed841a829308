package io.streamsentinel.cli;

import io.streamsentinel.access.ApiKeyStore;
import io.streamsentinel.app.ComponentMonitoring;
import io.streamsentinel.app.ComponentProbes;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.database.Database;
import io.streamsentinel.generator.GeneratorService;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.LabelFeed;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.generator.PublishProgress;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.web.HttpBinding;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel generate}: synthetic, labelled card transactions into Kafka at a target rate. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Produces synthetic card transactions, keyed by user_id, with injected and labelled fraud: in the default"
          + " world card testing, account takeover, impossible travel, high amount at an unusual hour and velocity"
          + " burst; --world harbor, --world fjord, --world mesa, --world savanna and --world steppe are other"
          + " worlds with fraud of other kinds (steppe measured once, blind, and not tuned on).",
      "Prints progress each second and a summary at the end; runs until --duration, --count or Ctrl-C.",
      "Exit code 1 when any send failed."
    })
final class GenerateCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin KafkaOptions kafka;
  @Mixin GeneratorOptions generator;
  @Mixin HttpOptions http;
  @Mixin DatabaseOptions db;
  @Mixin HealthOptions health;

  @Option(
      names = "--tps",
      paramLabel = "N|max",
      defaultValue = "1000",
      converter = RateOption.class,
      description = "Target events per second, or 'max' (default: ${DEFAULT-VALUE}).")
  double tps;

  @ArgGroup(exclusive = true)
  RunLength length = new RunLength();

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      defaultValue = TopicCatalog.TRANSACTIONS,
      description = "Topic to produce to (default: ${DEFAULT-VALUE}).")
  String topic;

  GenerateCommand(CliContext context) {
    this.context = context;
  }

  @Option(
      names = "--labels",
      description =
          "Also send the verdicts that follow the transactions to fraud-feedback as simulated time passes: a"
              + " chargeback for every injected fraud 1 h to 1 day after it (compressed: real ones take weeks), and"
              + " an analyst's confirmation for 2 %% of the legitimate ones within the same span. The labels"
              + " `model train` learns from; train with --assume-legit-after 1d.")
  boolean labels;

  /** Either a duration or a count; neither means until Ctrl-C. */
  static final class RunLength {
    @Option(
        names = "--duration",
        paramLabel = "D",
        converter = DurationOption.class,
        description = "Stop after this long, e.g. 30s, 5m.")
    Duration duration;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N events.")
    long count;
  }

  @Override
  public Integer call() throws InterruptedException {
    KafkaConfig config = kafka.config();
    Topics.ensure(context, config);
    GeneratorSettings settings = generator.settings();
    PublishPlan plan = new PublishPlan(topic, tps, length.count, length.duration);
    context
        .out()
        .printf(
            "Generating to %s at %s: %s, world %s, %,d users, fraud rate %s, seed %d, start %s."
                + " Ctrl-C stops.%n",
            topic,
            config.settings().bootstrapServers(),
            RateOption.describe(tps),
            settings.world().wireName(),
            settings.users(),
            settings.fraudRate(),
            settings.seed(),
            settings.start());
    ClientConfigFactory clients = config.clients();
    HttpBinding httpBinding = http.settle(context, null);
    Database keys = httpBinding.enabled() ? KeyDatabase.open(db) : null;
    ProcessMetrics metrics = new ProcessMetrics();
    GeneratorService run =
        new GeneratorService(
            clients,
            settings,
            new TransactionCodec(config.limits()),
            plan,
            metrics,
            labels ? LabelFeed.Policy.defaults() : null);
    PublishProgress progress = new PublishProgress(run.stats(), length.count, length.duration);
    try (keys;
        metrics;
        run;
        ComponentMonitoring monitoring =
            new ComponentMonitoring(
                context.out()::println,
                clients,
                metrics,
                new ComponentMonitoring.Options(
                    "generator",
                    admin -> ComponentProbes.generator(run.stats()),
                    httpBinding,
                    keys == null ? null : http.access(new ApiKeyStore(keys)),
                    health.settings(),
                    List.of(),
                    false))) {
      run.start()
          .awaitEnd(
              context.shutdown(), () -> context.out().println(progress.line(run.elapsedSeconds())));
    }
    context.out().println(progress.summary(run.elapsedSeconds()));
    if (labels) {
      context
          .out()
          .printf(
              "Labels sent to %s: %,d (more were still due later in simulated time)%n",
              TopicCatalog.FRAUD_FEEDBACK, run.labelsSent());
    }
    if (run.fatalError() != null) {
      context.err().println("generate: stopped by a fatal error: " + run.fatalError());
      return 1;
    }
    return run.stats().failed() == 0 ? 0 : 1;
  }
}
