package io.streamsentinel.bench;

import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.streaming.DetectorSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench scale}: the detector's drain rate with each count of stream threads in one instance,
 * and the efficiency rate(T) / (T * rate(1)) when 1 is among the counts.
 */
public final class ScaleScenario {

  /**
   * @param records transactions pre-loaded and drained in each run
   * @param threads stream thread counts to measure, in this order
   * @param runs measured runs of each variant, after one warm-up
   * @param users synthetic users the generator draws from
   */
  public record Settings(
      long records, List<Integer> threads, Guarantee guarantee, int runs, int users) {
    public Settings {
      threads = List.copyOf(threads);
    }
  }

  private static final String VARIANT = "threads_";

  private final BenchEnvironment env;
  private final Settings settings;

  public ScaleScenario(BenchEnvironment env, Settings settings) {
    this.env = env;
    this.settings = settings;
  }

  /** Pre-loads, measures every thread count, prints the medians and returns the report. */
  public BenchReport run() throws Exception {
    TransactionPreload.run(env, settings.records(), settings.users());
    StreamsDrain drain =
        new StreamsDrain(
            env.clients(),
            DetectorSettings.defaults(RuleSetCodec.loadDefault()),
            settings.records(),
            env.out());
    List<String> variants = settings.threads().stream().map(t -> VARIANT + t).toList();
    Map<String, Spread> rates =
        new Trials(variants, settings.runs(), "tx/s", env.out())
            .measure(
                (variant, round) ->
                    drain.run(
                        Stage.DETECTOR,
                        settings.guarantee(),
                        Integer.parseInt(variant.substring(VARIANT.length())),
                        "scale-" + variant.replace('_', '-') + "-" + round,
                        env.stateDir(variant + "-" + round)));
    BenchReport report = report(rates);
    env.out()
        .accept(
            String.format(
                Locale.ROOT,
                "Heap in use after a full GC at the end of a detector run (whole JVM, max): %.0f MB",
                drain.maxDetectorHeapMb()));
    return report.put("detector_heap_after_gc_mb", drain.maxDetectorHeapMb());
  }

  private BenchReport report(Map<String, Spread> rates) {
    String guarantee = settings.guarantee().config();
    Map<String, Double> perThreads = new LinkedHashMap<>();
    Map<String, Double> efficiency = new LinkedHashMap<>();
    Spread one = rates.get(VARIANT + 1);
    env.out()
        .accept(
            String.format(
                Locale.ROOT,
                "%nMedians over %d runs of %,d records (%s):",
                settings.runs(),
                settings.records(),
                guarantee));
    for (int t : settings.threads()) {
      double rate = rates.get(VARIANT + t).median();
      perThreads.put(String.valueOf(t), rate);
      String eff = "";
      if (one != null) {
        double e = rate / (t * one.median());
        efficiency.put(String.valueOf(t), e);
        eff = String.format(Locale.ROOT, ", efficiency %.2f", e);
      }
      env.out()
          .accept(String.format(Locale.ROOT, "  %d stream thread(s): %,.0f tx/s%s", t, rate, eff));
    }
    return new BenchReport("scale", settings.records(), settings.runs())
        .put("guarantee", guarantee)
        .put("tx_per_s_by_threads", perThreads)
        .put("efficiency_by_threads", efficiency)
        .variants(rates)
        .config("guarantee", guarantee)
        .config("stream_threads", settings.threads())
        .config("instances", 1)
        .config("users", settings.users());
  }
}
