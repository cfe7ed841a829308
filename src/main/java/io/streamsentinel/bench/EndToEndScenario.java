package io.streamsentinel.bench;

import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code bench e2e}: event -> decision and alert -> action latency at a steady input rate through
 * the detector and the responder, once per guarantee. Unlike the other scenarios it needs one
 * environment per guarantee (a fresh broker each), so it starts them itself and finishes the report
 * in the last one. With {@link Stage#PASS_THROUGH} {@code bench detect}'s pass-through stage stands
 * in for the detector: the event -> decision latency of the pipeline without any detection work,
 * what Kafka alone costs a record on its way on the same machine.
 */
public final class EndToEndScenario {

  /** How the CPU line names the parts that are not plain words. */
  private static final Map<String, String> CPU_PART_LABELS =
      Map.of(
          CpuByPart.OTHER_THREADS,
          "other Java threads (an embedded broker's among them)",
          CpuByPart.UNLISTED,
          "GC, JIT and native threads");

  /**
   * @param records transactions per measured round
   * @param warmUp the warm-up before them: fixed, or until the JIT settles
   * @param tps the steady input rate, transactions per second
   * @param runs measured rounds per guarantee, after the warm-up
   * @param users synthetic users the generator draws from
   * @param guarantees the guarantees to measure, in this order, each in a fresh environment
   * @param stage the detector, or the pass-through in its place
   */
  public record Settings(
      long records,
      WarmUp warmUp,
      double tps,
      int runs,
      int users,
      List<Guarantee> guarantees,
      Stage stage) {

    /** Both guarantees, exactly-once first. */
    public static final List<Guarantee> BOTH =
        List.of(Guarantee.EXACTLY_ONCE, Guarantee.AT_LEAST_ONCE);

    public Settings {
      guarantees = List.copyOf(guarantees);
      if (guarantees.isEmpty() || guarantees.size() != Set.copyOf(guarantees).size()) {
        throw new IllegalArgumentException(
            "guarantees must be distinct and at least one but were " + guarantees);
      }
      if (!(tps > 0)) {
        throw new IllegalArgumentException("tps must be positive but was " + tps);
      }
      Objects.requireNonNull(warmUp, "warmUp");
      Objects.requireNonNull(stage, "stage");
      if (records < 1) {
        throw new IllegalArgumentException("records must be positive but were " + records);
      }
    }
  }

  /** Starts a fresh environment. */
  @FunctionalInterface
  public interface Environments {
    BenchEnvironment start() throws Exception;
  }

  private final Settings settings;
  private final Consumer<String> out;

  /**
   * @param out where progress and figures are printed
   */
  public EndToEndScenario(Settings settings, Consumer<String> out) {
    this.settings = settings;
    this.out = out;
  }

  /**
   * Measures each guarantee in its own environment, prints the medians and finishes the report
   * ({@link BenchEnvironment#finish}) in the last environment.
   *
   * @param json where to write the report, or null
   */
  public void run(Environments environments, Path json) throws Exception {
    Map<String, Map<String, Spread>> all = new LinkedHashMap<>();
    Map<String, Object> warmUps = new LinkedHashMap<>();
    List<Guarantee> guarantees = settings.guarantees();
    for (Guarantee g : guarantees) {
      out.accept(
          String.format(
              Locale.ROOT,
              "%n%s at %,.0f tx/s%s:",
              g.config(),
              settings.tps(),
              settings.stage() == Stage.DETECTOR
                  ? ""
                  : ", the pass-through in the detector's place"));
      try (BenchEnvironment env = environments.start()) {
        all.putAll(measure(env, g, warmUps));
        if (g == guarantees.get(guarantees.size() - 1)) {
          env.finish(report(all, env).put("warm_up", warmUps), json);
        }
      }
    }
  }

  /**
   * Warms up and measures one guarantee; what its warm-up did goes into {@code warmUps}, keyed by
   * the guarantee.
   */
  private Map<String, Map<String, Spread>> measure(
      BenchEnvironment env, Guarantee g, Map<String, Object> warmUps) throws Exception {
    TransactionSimulator simulator =
        new TransactionSimulator(
            new GeneratorSettings(
                TransactionPreload.SEED,
                settings.users(),
                GeneratorSettings.DEFAULT_FRAUD_RATE,
                TransactionPreload.START));
    TransactionCodec codec = new TransactionCodec(env.kafka().limits());
    try (EndToEndRun run = new EndToEndRun(env, g, settings.stage(), simulator, codec)) {
      return new Trials(List.of(g.config()), settings.runs(), "ms", env.out())
          .measureMetrics(
              (variant, round) ->
                  round == 0
                      ? warmUp(run, variant, env, warmUps)
                      : run.round(variant + " round " + round, settings.tps(), settings.records()));
    }
  }

  /** Runs the warm-up, prints what it did and returns its last slice's figures. */
  private Map<String, Double> warmUp(
      EndToEndRun run, String variant, BenchEnvironment env, Map<String, Object> warmUps)
      throws Exception {
    WarmUp.Outcome outcome =
        settings
            .warmUp()
            .run(
                settings.tps(),
                (n, records) -> {
                  Map<String, Double> figures =
                      run.round(variant + " warm-up " + n, settings.tps(), records);
                  if (!settings.warmUp().isFixed()) {
                    env.out()
                        .accept(
                            String.format(
                                Locale.ROOT,
                                "%-20s warm-up %d: JIT %.1f s",
                                variant,
                                n,
                                figures.getOrDefault("jit_ms", Double.NaN) / 1000));
                  }
                  return figures;
                },
                System::nanoTime);
    env.out().accept(String.format(Locale.ROOT, "%-20s %s", variant, outcome.describe()));
    warmUps.put(variant, outcome.toJson());
    // Trials prints these on its warm-up line: the last slice's figures and the warm-up's length.
    Map<String, Double> figures = new LinkedHashMap<>(outcome.lastSlice());
    figures.put("warm_up_seconds", outcome.seconds());
    figures.put("warm_up_slices", (double) outcome.slices());
    return figures;
  }

  /**
   * The machine's TCP segments dropped from full receive queues per round, where Linux counts them:
   * each one stalls its connection for a retransmission timeout (200 ms or more).
   */
  private static String tcpDrops(Spread drops) {
    return drops == null
        ? ""
        : String.format(
            Locale.ROOT,
            "; TCP segments dropped from full receive queues %.0f per round (machine-wide)",
            drops.median());
  }

  /**
   * The stage's stream thread over the rounds ({@link StreamThreadLoad}): how much of each round it
   * was busy and how much of it on a CPU, medians; empty when not measured.
   */
  private static String loadLine(Map<String, Spread> metrics, String stage) {
    Spread busy = metrics.get(StreamThreadLoad.BUSY);
    Spread onCpu = metrics.get(StreamThreadLoad.ON_CPU);
    Spread perRecord = metrics.get(StreamThreadLoad.CPU_PER_RECORD);
    Spread cores = metrics.get(StreamThreadLoad.JVM_CORES);
    if (busy == null || onCpu == null || perRecord == null || cores == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "  %-16s %s's stream thread busy %.0f %% of the round, on a CPU %.0f %% (%.1f µs"
            + " per record); the JVM used %.2f cores",
        "",
        stage,
        100 * busy.median(),
        100 * onCpu.median(),
        perRecord.median(),
        cores.median());
  }

  /**
   * Where the JVM's CPU went over the rounds ({@link CpuByPart}), in cores, medians, the detector's
   * part named after the stage in its place; empty when not measured.
   */
  private static String cpuLine(Map<String, Spread> metrics, String stage) {
    StringBuilder line = new StringBuilder();
    metrics.forEach(
        (name, spread) -> {
          if (name.startsWith(CpuByPart.PREFIX)) {
            line.append(line.length() == 0 ? "" : ", ")
                .append(
                    name.equals(CpuByPart.PREFIX + "detector")
                        ? stage
                        : CPU_PART_LABELS.getOrDefault(
                            name, name.substring(CpuByPart.PREFIX.length())))
                .append(String.format(Locale.ROOT, " %.2f", spread.median()));
          }
        });
    return line.length() == 0
        ? ""
        : String.format(Locale.ROOT, "  %-16s CPU in cores: %s", "", line);
  }

  /**
   * The stage's commits over the rounds ({@link CommitTimes}): how many per round and the mean
   * milliseconds of each step, and event → scored p99 ({@link DetectorLatency}, the detector's
   * only), medians; empty when not measured.
   */
  private static String scoredAndCommitsLine(Map<String, Spread> metrics, String stage) {
    Spread commits = metrics.get(CommitTimes.COMMITS);
    Spread flush = metrics.get(CommitTimes.FLUSH_MS);
    Spread scored = metrics.get(DetectorLatency.P99_MS);
    StringBuilder line = new StringBuilder();
    if (commits != null && flush != null) {
      line.append(
          String.format(
              Locale.ROOT,
              "%s's commits %.0f per round; per commit: flushing the producer %.1f ms",
              stage,
              commits.median(),
              flush.median()));
      Spread offsets = metrics.get(CommitTimes.OFFSETS_MS);
      Spread end = metrics.get(CommitTimes.END_MS);
      if (offsets != null && end != null) {
        line.append(
            String.format(
                Locale.ROOT,
                ", offsets into the transaction %.1f ms, ending it %.1f ms",
                offsets.median(),
                end.median()));
      }
    }
    if (scored != null) {
      line.append(line.length() == 0 ? "" : "; ")
          .append(String.format(Locale.ROOT, "event->scored p99 %.0f ms", scored.median()));
    }
    return line.length() == 0 ? "" : String.format(Locale.ROOT, "  %-16s %s", "", line);
  }

  private BenchReport report(Map<String, Map<String, Spread>> all, BenchEnvironment env) {
    BenchReport report = new BenchReport("e2e", settings.records(), settings.runs());
    Map<String, Object> variants = new LinkedHashMap<>();
    out.accept(
        String.format(
            Locale.ROOT,
            "%nMedians over %d rounds of %,d transactions at %,.0f tx/s:",
            settings.runs(),
            settings.records(),
            settings.tps()));
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
          Spread action = metrics.get("action_p99_ms");
          out.accept(
              String.format(
                  Locale.ROOT,
                  "  %-16s event->decision p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms, max %.0f ms;"
                      + " %s; JIT %.1f s, GC pauses %.0f (%.0f ms) per round%s",
                  guarantee,
                  metrics.get("decision_p50_ms").median(),
                  metrics.get("decision_p99_ms").median(),
                  metrics.get("decision_p999_ms").median(),
                  metrics.get("decision_max_ms").median(),
                  action == null
                      ? "no alerts, so no alert->action"
                      : String.format(Locale.ROOT, "alert->action p99 %.0f ms", action.median()),
                  metrics.get("jit_ms").median() / 1000,
                  metrics.get("gc_pauses").median(),
                  metrics.get("gc_pause_ms").median(),
                  tcpDrops(metrics.get("tcp_receive_queue_drops"))));
          String load = loadLine(metrics, settings.stage().cliName());
          if (!load.isEmpty()) {
            out.accept(load);
          }
          String cpu = cpuLine(metrics, settings.stage().cliName());
          if (!cpu.isEmpty()) {
            out.accept(cpu);
          }
          String commits = scoredAndCommitsLine(metrics, settings.stage().cliName());
          if (!commits.isEmpty()) {
            out.accept(commits);
          }
        });
    return report
        .put("variants", variants)
        .config("tps", settings.tps())
        .config("warm_up", settings.warmUp().describe())
        .config("users", settings.users())
        .config("stage", settings.stage().cliName())
        .config("stream_threads", 1)
        .config("commit_interval", env.commitIntervals(settings.guarantees()))
        .config(
            "responder",
            settings.stage() == Stage.DETECTOR
                ? "1 instance, log notifier"
                : "none (the pass-through writes no alerts)");
  }
}
