package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.BenchReport;
import io.streamsentinel.bench.Spread;
import io.streamsentinel.bench.StreamsDrain;
import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.bench.TransactionPreload;
import io.streamsentinel.bench.Trials;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.streaming.DetectorSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel bench scale}: detector drain rate with 1, 2 and 4 stream threads. */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "Detector drain rate with 1, 2 and 4 stream threads.",
      "Pre-loads N generated transactions, then measures the detector's drain rate with each"
          + " --threads count of stream threads in one instance (default 1, 2 and 4), to show how"
          + " the cost grows with parallelism on this machine. Drain rate = records processed /"
          + " time from the first processed record to the last. Efficiency = rate(T) / (T *"
          + " rate(1)) when 1 is among the counts. Runs interleave; one warm-up round first.",
      "Stream threads share this JVM's cores, so more threads than cores show the overhead of"
          + " parallelism, not a gain; on a cluster, instances on other machines scale the same"
          + " way (Kafka assigns the 12 partitions across all threads).",
      "Uses a fresh embedded broker in a temporary folder under ./data unless --bootstrap-servers"
          + " is given."
    })
final class BenchScaleCommand implements Callable<Integer> {

  private final CliContext context;
  @Mixin KafkaOptions kafka;
  @Mixin BenchOptions bench;

  @Option(
      names = "--records",
      defaultValue = "500000",
      paramLabel = "N",
      description = "Transactions to pre-load and drain in each run (default: ${DEFAULT-VALUE}).")
  long records;

  @Option(
      names = "--threads",
      defaultValue = "1,2,4",
      split = ",",
      paramLabel = "T",
      description = "Stream thread counts to measure (default: ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(
      names = "--guarantee",
      defaultValue = "exactly-once",
      paramLabel = "G",
      description = "exactly-once (default; exactly_once_v2) or at-least-once.")
  String guarantee;

  BenchScaleCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Guarantee g = Guarantee.fromCli(guarantee);
    try (BenchEnvironment env =
        BenchEnvironment.start(kafka.config(), context.out()::println, context.shutdown())) {
      TransactionPreload.run(env, records, bench.users);
      StreamsDrain drain =
          new StreamsDrain(
              env.clients(),
              DetectorSettings.defaults(RuleSetCodec.loadDefault()),
              records,
              env.out());
      List<String> variants = threads.stream().map(t -> "threads_" + t).toList();
      Map<String, Spread> rates =
          new Trials(variants, bench.runs, "tx/s", env.out())
              .measure(
                  (variant, round) ->
                      drain.run(
                          Stage.DETECTOR,
                          g,
                          Integer.parseInt(variant.substring("threads_".length())),
                          "scale-" + variant.replace('_', '-') + "-" + round,
                          env.stateDir(variant + "-" + round)));
      BenchReport report = report(rates, g);
      context
          .out()
          .printf(
              Locale.ROOT,
              "Heap in use after a full GC at the end of a detector run (whole JVM, max): %.0f MB%n",
              drain.maxDetectorHeapMb());
      env.finish(report.put("detector_heap_after_gc_mb", drain.maxDetectorHeapMb()), bench.json);
      return 0;
    }
  }

  private BenchReport report(Map<String, Spread> rates, Guarantee g) {
    Map<String, Double> perThreads = new LinkedHashMap<>();
    Map<String, Double> efficiency = new LinkedHashMap<>();
    Spread one = rates.get("threads_1");
    context
        .out()
        .printf(
            Locale.ROOT,
            "%nMedians over %d runs of %,d records (%s):%n",
            bench.runs,
            records,
            g.config());
    for (int t : threads) {
      double rate = rates.get("threads_" + t).median();
      perThreads.put(String.valueOf(t), rate);
      String eff = "";
      if (one != null) {
        double e = rate / (t * one.median());
        efficiency.put(String.valueOf(t), e);
        eff = String.format(Locale.ROOT, ", efficiency %.2f", e);
      }
      context.out().printf(Locale.ROOT, "  %d stream thread(s): %,.0f tx/s%s%n", t, rate, eff);
    }
    return new BenchReport("scale", records, bench.runs)
        .put("guarantee", g.config())
        .put("tx_per_s_by_threads", perThreads)
        .put("efficiency_by_threads", efficiency)
        .variants(rates)
        .config("guarantee", g.config())
        .config("stream_threads", threads)
        .config("instances", 1)
        .config("users", bench.users);
  }
}
