package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.BenchReport;
import io.streamsentinel.bench.EndToEndRun;
import io.streamsentinel.bench.Spread;
import io.streamsentinel.bench.TransactionPreload;
import io.streamsentinel.bench.Trials;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel bench e2e}: latency through detector and responder at a steady input rate. */
@Command(
    name = "e2e",
    mixinStandardHelpOptions = true,
    description = {
      "Event -> decision and alert -> action latency at a steady rate, both guarantees.",
      "Sends transactions at a steady --tps through the detector (1 stream thread) and the"
          + " responder, once with exactly_once_v2 and once with at_least_once (Streams' default"
          + " commit intervals: 100 ms and 30 s), and records with HdrHistogram:",
      "  event -> decision: when a read_committed reader receives the decision from fraud-scores,"
          + " minus the decision's record timestamp, which the detector copies from the input"
          + " record: the time the generator's producer called send(). So it includes batching"
          + " (linger), the broker, the detector, the transaction commit and the reader's fetch.",
      "  alert -> action: when the same reader receives the first user-actions record of an alert"
          + " minus when it received that alert from fraud-alerts.",
      "Both are wall-clock milliseconds in this one JVM. Per guarantee: one warm-up round of N"
          + " transactions, then --runs rounds; p50/p99/p99.9/max of each round, reported as"
          + " median, min and max over the rounds. Each guarantee gets a fresh embedded broker"
          + " unless --bootstrap-servers is given (then use a dedicated cluster: the responder"
          + " joins group alert-response-group and the catalog topics are written)."
    })
final class BenchE2eCommand implements Callable<Integer> {

  private final CliContext context;
  @Mixin KafkaOptions kafka;
  @Mixin BenchOptions bench;

  @Option(
      names = "--records",
      defaultValue = "100000",
      paramLabel = "N",
      description = "Transactions per round (default: ${DEFAULT-VALUE}, 10 s at the default rate).")
  long records;

  @Option(
      names = "--tps",
      defaultValue = "10000",
      paramLabel = "R",
      description = "Steady input rate, transactions per second (default: ${DEFAULT-VALUE}).")
  double tps;

  BenchE2eCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (!(tps > 0)) {
      context.err().println("--tps must be positive");
      return 2;
    }
    KafkaConfig config = kafka.config();
    Map<String, Map<String, Spread>> all = new LinkedHashMap<>();
    for (Guarantee g : List.of(Guarantee.EXACTLY_ONCE, Guarantee.AT_LEAST_ONCE)) {
      context.out().printf(Locale.ROOT, "%n%s at %,.0f tx/s:%n", g.config(), tps);
      try (BenchEnvironment env =
          BenchEnvironment.start(config, context.out()::println, context.shutdown())) {
        all.putAll(measure(env, g));
        if (g == Guarantee.AT_LEAST_ONCE) {
          env.finish(report(all), bench.json);
        }
      }
    }
    return 0;
  }

  private Map<String, Map<String, Spread>> measure(BenchEnvironment env, Guarantee g)
      throws Exception {
    TransactionSimulator simulator =
        new TransactionSimulator(
            new GeneratorSettings(
                TransactionPreload.SEED,
                bench.users,
                GeneratorSettings.DEFAULT_FRAUD_RATE,
                TransactionPreload.START));
    TransactionCodec codec = new TransactionCodec(env.kafka().limits());
    try (EndToEndRun run = new EndToEndRun(env, g, simulator, codec)) {
      return new Trials(List.of(g.config()), bench.runs, "ms", env.out())
          .measureMetrics((variant, round) -> run.round(variant + " round " + round, tps, records));
    }
  }

  private BenchReport report(Map<String, Map<String, Spread>> all) {
    BenchReport report = new BenchReport("e2e", records, bench.runs);
    Map<String, Object> variants = new LinkedHashMap<>();
    context
        .out()
        .printf(
            Locale.ROOT,
            "%nMedians over %d rounds of %,d transactions at %,.0f tx/s:%n",
            bench.runs,
            records,
            tps);
    all.forEach(
        (guarantee, metrics) -> {
          Map<String, Object> headline = new LinkedHashMap<>();
          Map<String, Object> detail = new LinkedHashMap<>();
          metrics.forEach(
              (k, v) -> {
                headline.put(k, v.median());
                detail.put(k, v.toJson());
              });
          report.put(guarantee, headline);
          variants.put(guarantee, detail);
          context
              .out()
              .printf(
                  Locale.ROOT,
                  "  %-16s event->decision p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms, max %.0f ms;"
                      + " alert->action p99 %.0f ms%n",
                  guarantee,
                  metrics.get("decision_p50_ms").median(),
                  metrics.get("decision_p99_ms").median(),
                  metrics.get("decision_p999_ms").median(),
                  metrics.get("decision_max_ms").median(),
                  metrics.get("action_p99_ms").median());
        });
    return report
        .put("variants", variants)
        .config("tps", tps)
        .config("users", bench.users)
        .config("stream_threads", 1)
        .config("commit_interval", "Streams default (100 ms exactly_once_v2, 30 s at_least_once)")
        .config("responder", "1 instance, log notifier");
  }
}
