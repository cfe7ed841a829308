package io.streamsentinel.bench;

import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.streaming.DetectorSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench detect}: the detector's drain rate against a pass-through Streams stage, under both
 * guarantees, with the CPU time per record of the whole JVM and of the stream thread (on a shared
 * machine these move far less than the rates).
 */
public final class DetectScenario {

  /**
   * @param records transactions pre-loaded and drained in each run
   * @param runs measured runs of each variant, after one warm-up
   * @param users synthetic users the generator draws from
   */
  public record Settings(long records, int runs, int users) {}

  private static final String RATE = "tx/s";

  /** CPU time of the whole JVM per drained record: steadier than the rate on a shared machine. */
  private static final String CPU = "cpu_us_per_record";

  private static final String THREAD_CPU = "stream_thread_cpu_us_per_record";

  /**
   * CPU time of the JVM's JIT compiler threads per drained record, part of {@link #CPU}: what the
   * warm-up left to compile.
   */
  private static final String JIT_CPU = "jit_cpu_us_per_record";

  private static final List<String> VARIANTS =
      List.of(
          "passthrough_eos",
          "detector_eos",
          "detector_model_eos",
          "passthrough_alos",
          "detector_alos",
          "detector_model_alos");

  /** Simulated decisions the benchmark's model is trained on, before the measured runs. */
  private static final int MODEL_TRAINING_DECISIONS = 60_000;

  private final BenchEnvironment env;
  private final Settings settings;

  public DetectScenario(BenchEnvironment env, Settings settings) {
    this.env = env;
    this.settings = settings;
  }

  /** Pre-loads, measures every variant, prints the medians and returns the report. */
  public BenchReport run() throws Exception {
    env.createLike(TopicCatalog.FRAUD_SCORES, StreamsDrain.PASS_THROUGH_OUTPUT);
    TransactionPreload.run(env, settings.records(), settings.users());
    StreamsDrain drain =
        new StreamsDrain(
            env.clients(),
            DetectorSettings.defaults(RuleSetCodec.loadDefault()),
            settings.records(),
            env.out());
    env.out()
        .accept(
            String.format(
                Locale.ROOT,
                "Training the benchmark's model (default settings) on %,d simulated decisions ...",
                MODEL_TRAINING_DECISIONS));
    ScoringModel model = SimulatedHistory.model(7, settings.users(), MODEL_TRAINING_DECISIONS);
    env.out()
        .accept(
            String.format(
                Locale.ROOT,
                "Model: %d trees, %,d nodes, %d inputs",
                model.trees().treeCount(),
                model.trees().nodeCount(),
                model.inputs().size()));
    StreamsDrain withModel =
        new StreamsDrain(
            env.clients(),
            DetectorSettings.defaults(RuleSetCodec.loadDefault()).withModels(() -> model),
            settings.records(),
            env.out());
    Map<String, Map<String, Spread>> measured =
        new Trials(VARIANTS, settings.runs(), RATE, env.out())
            .measureMetrics(
                (variant, round) ->
                    drainOnce(variant.contains("model") ? withModel : drain, variant, round));
    Map<String, Spread> rates = Trials.metric(measured, RATE);
    env.out()
        .accept(
            String.format(
                Locale.ROOT,
                "Heap in use after a full GC at the end of a detector run (whole JVM, max): %.0f MB",
                drain.maxDetectorHeapMb()));
    Map<String, Double> cpu = Trials.medians(Trials.metric(measured, CPU));
    Map<String, Double> threadCpu = Trials.medians(Trials.metric(measured, THREAD_CPU));
    Map<String, Double> jitCpu = Trials.medians(Trials.metric(measured, JIT_CPU));
    for (String variant : VARIANTS) {
      env.out()
          .accept(
              String.format(
                  Locale.ROOT,
                  "CPU per record, %-19s %6.1f µs whole JVM, %6.1f µs stream thread, %5.1f µs JIT"
                      + " (medians)",
                  variant,
                  cpu.get(variant),
                  threadCpu.get(variant),
                  jitCpu.get(variant)));
    }
    return report(rates)
        .put(CPU, cpu)
        .put(THREAD_CPU, threadCpu)
        .put(JIT_CPU, jitCpu)
        .put("detector_heap_after_gc_mb", drain.maxDetectorHeapMb());
  }

  private Map<String, Double> drainOnce(StreamsDrain drain, String variant, int round)
      throws Exception {
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
    figures.put(JIT_CPU, result.jitCpuMicrosPerRecord());
    return figures;
  }

  private BenchReport report(Map<String, Spread> rates) {
    double eos = rates.get("detector_eos").median();
    double alos = rates.get("detector_alos").median();
    double modelEos = rates.get("detector_model_eos").median();
    double modelAlos = rates.get("detector_model_alos").median();
    double passEos = rates.get("passthrough_eos").median();
    double passAlos = rates.get("passthrough_alos").median();
    env.out()
        .accept(
            String.format(
                Locale.ROOT,
                "%nMedians over %d runs of %,d records:%n  detector exactly_once_v2 %,.0f tx/s,"
                    + " pass-through %,.0f tx/s, ratio %.2f; with the model %,.0f tx/s, ratio %.2f%n"
                    + "  detector at_least_once  %,.0f tx/s, pass-through %,.0f tx/s, ratio %.2f;"
                    + " with the model %,.0f tx/s, ratio %.2f",
                settings.runs(),
                settings.records(),
                eos,
                passEos,
                eos / passEos,
                modelEos,
                modelEos / passEos,
                alos,
                passAlos,
                alos / passAlos,
                modelAlos,
                modelAlos / passAlos));
    return new BenchReport("detect", settings.records(), settings.runs())
        .put("eos_tx_per_s", eos)
        .put("alos_tx_per_s", alos)
        .put("passthrough_tx_per_s", passEos)
        .put("passthrough_alos_tx_per_s", passAlos)
        .put("eos_ratio", eos / passEos)
        .put("alos_ratio", alos / passAlos)
        .put("model_eos_tx_per_s", modelEos)
        .put("model_alos_tx_per_s", modelAlos)
        .put("model_eos_ratio", modelEos / passEos)
        .put("model_alos_ratio", modelAlos / passAlos)
        .variants(rates)
        .config("stream_threads", 1)
        .config("users", settings.users())
        .config("commit_interval", env.commitIntervals(List.of(Guarantee.values())));
  }
}
