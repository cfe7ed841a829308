package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.BenchReport;
import io.streamsentinel.bench.DrainMeasurement;
import io.streamsentinel.bench.Spread;
import io.streamsentinel.bench.StreamsDrain;
import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.bench.TransactionPreload;
import io.streamsentinel.bench.Trials;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.streaming.DetectorSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel bench detect}: the detector's drain rate against a pass-through stage. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Detector drain rate against a pass-through Streams stage, both guarantees.",
      "Pre-loads N generated transactions, then measures the drain rate of the detector with"
          + " exactly_once_v2 and with at_least_once and, in the same invocation, of a pass-through"
          + " Streams stage (one RocksDB get/put per record, input forwarded unchanged). Drain rate ="
          + " records processed / time from the first processed record to the last (start-up and"
          + " group join left out, commits in). 1 stream thread. Runs interleave; one warm-up round"
          + " first.",
      "Over the same span it also takes the CPU time per record of the whole JVM (broker"
          + " included when embedded) and of the stream thread: on a shared machine these move far"
          + " less than the rates.",
      "Uses a fresh embedded broker in a temporary folder under ./data unless --bootstrap-servers"
          + " is given."
    })
final class BenchDetectCommand implements Callable<Integer> {

  private static final String RATE = "tx/s";

  /** CPU time of the whole JVM per drained record: steadier than the rate on a shared machine. */
  private static final String CPU = "cpu_us_per_record";

  private static final String THREAD_CPU = "stream_thread_cpu_us_per_record";

  private static final List<String> VARIANTS =
      List.of("passthrough_eos", "detector_eos", "passthrough_alos", "detector_alos");

  private final CliContext context;
  @Mixin KafkaOptions kafka;
  @Mixin BenchOptions bench;

  @Option(
      names = "--records",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "Transactions to pre-load and drain in each run (default: ${DEFAULT-VALUE}).")
  long records;

  BenchDetectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    try (BenchEnvironment env =
        BenchEnvironment.start(kafka.config(), context.out()::println, context.shutdown())) {
      env.createLike(TopicCatalog.FRAUD_SCORES, StreamsDrain.PASS_THROUGH_OUTPUT);
      TransactionPreload.run(env, records, bench.users);
      StreamsDrain drain =
          new StreamsDrain(
              env.clients(),
              DetectorSettings.defaults(RuleSetCodec.loadDefault()),
              records,
              env.out());
      Map<String, Map<String, Spread>> measured =
          new Trials(VARIANTS, bench.runs, RATE, env.out())
              .measureMetrics((variant, round) -> drainOnce(drain, env, variant, round));
      Map<String, Spread> rates = metric(measured, RATE);
      context
          .out()
          .printf(
              Locale.ROOT,
              "Heap in use after a full GC at the end of a detector run (whole JVM, max): %.0f MB%n",
              drain.maxDetectorHeapMb());
      Map<String, Double> cpu = medians(metric(measured, CPU));
      Map<String, Double> threadCpu = medians(metric(measured, THREAD_CPU));
      for (String variant : VARIANTS) {
        context
            .out()
            .printf(
                Locale.ROOT,
                "CPU per record, %-16s %6.1f µs whole JVM, %6.1f µs stream thread (medians)%n",
                variant,
                cpu.get(variant),
                threadCpu.get(variant));
      }
      BenchReport report =
          report(rates)
              .put("cpu_us_per_record", cpu)
              .put("stream_thread_cpu_us_per_record", threadCpu)
              .put("detector_heap_after_gc_mb", drain.maxDetectorHeapMb());
      env.finish(report, bench.json);
      return 0;
    }
  }

  private static Map<String, Double> drainOnce(
      StreamsDrain drain, BenchEnvironment env, String variant, int round) throws Exception {
    DrainMeasurement.Result result =
        drain.measure(
            variant.startsWith("detector") ? Stage.DETECTOR : Stage.PASS_THROUGH,
            variant.endsWith("eos") ? Guarantee.EXACTLY_ONCE : Guarantee.AT_LEAST_ONCE,
            1,
            variant.replace('_', '-') + "-" + round,
            env.stateDir(variant + "-" + round));
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(RATE, result.recordsPerSecond());
    figures.put(CPU, result.cpuMicrosPerRecord());
    figures.put(THREAD_CPU, result.streamThreadCpuMicrosPerRecord());
    return figures;
  }

  private static Map<String, Spread> metric(Map<String, Map<String, Spread>> measured, String key) {
    Map<String, Spread> spreads = new LinkedHashMap<>();
    measured.forEach((variant, figures) -> spreads.put(variant, figures.get(key)));
    return spreads;
  }

  private static Map<String, Double> medians(Map<String, Spread> spreads) {
    Map<String, Double> medians = new LinkedHashMap<>();
    spreads.forEach((variant, spread) -> medians.put(variant, spread.median()));
    return medians;
  }

  private BenchReport report(Map<String, Spread> rates) {
    double eos = rates.get("detector_eos").median();
    double alos = rates.get("detector_alos").median();
    double passEos = rates.get("passthrough_eos").median();
    double passAlos = rates.get("passthrough_alos").median();
    BenchReport report =
        new BenchReport("detect", records, bench.runs)
            .put("eos_tx_per_s", eos)
            .put("alos_tx_per_s", alos)
            .put("passthrough_tx_per_s", passEos)
            .put("passthrough_alos_tx_per_s", passAlos)
            .put("eos_ratio", eos / passEos)
            .put("alos_ratio", alos / passAlos)
            .variants(rates)
            .config("stream_threads", 1)
            .config("users", bench.users)
            .config(
                "commit_interval", "Streams default (100 ms exactly_once_v2, 30 s at_least_once)");
    context
        .out()
        .printf(
            Locale.ROOT,
            "%nMedians over %d runs of %,d records:%n  detector exactly_once_v2 %,.0f tx/s,"
                + " pass-through %,.0f tx/s, ratio %.2f%n  detector at_least_once  %,.0f tx/s,"
                + " pass-through %,.0f tx/s, ratio %.2f%n",
            bench.runs,
            records,
            eos,
            passEos,
            eos / passEos,
            alos,
            passAlos,
            alos / passAlos);
    return report;
  }
}
