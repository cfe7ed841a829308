package io.streamsentinel.bench;

import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code bench detect --cold}: a fresh detector JVM draining a backlog, against the pass-through
 * started the same way, timed from outside by the application's committed offsets (see {@link
 * ColdDrain}). No warm-up: the cold start is what is measured. Runs interleave, pass-through first.
 */
public final class ColdScenario {

  /**
   * @param records transactions pre-loaded once and drained by every run
   * @param users synthetic users the generator draws from
   * @param runs runs of each stage
   * @param merchantBranches branches per merchant ({@link MerchantBranches}); 1 keeps the
   *     generator's merchants
   */
  public record Settings(long records, int users, int runs, int merchantBranches) {}

  /** How a child JVM is told which stage to run, under which application id and state folder. */
  @FunctionalInterface
  public interface StageArguments {
    /** The child's command-line arguments. */
    List<String> of(Stage stage, String applicationId, Path stateDir);
  }

  static final String RATE = "tx/s";
  static final String FIRST_COMMIT = "first_commit_s";
  static final String LAST_COMMIT = "last_commit_s";
  static final String CPU = "child_cpu_us_per_record";
  static final String COMPILER_CPU = "child_jit_cpu_us_per_record";

  private static final String PASS_THROUGH = "passthrough_cold";
  private static final String DETECTOR = "detector_cold";

  /** What both stages run with, as {@code sentinel detect} does by default. */
  public static final Guarantee GUARANTEE = Guarantee.EXACTLY_ONCE;

  public static final int THREADS = 1;

  private final BenchEnvironment env;
  private final Settings settings;
  private final ChildJvm jvm;
  private final StageArguments arguments;

  /**
   * @param jvm how the stages' JVMs are started
   * @param arguments the command-line arguments that make a child JVM run a stage
   */
  public ColdScenario(
      BenchEnvironment env, Settings settings, ChildJvm jvm, StageArguments arguments) {
    this.env = env;
    this.settings = settings;
    this.jvm = jvm;
    this.arguments = arguments;
  }

  /** Pre-loads, runs every stage cold, prints the medians and returns the report. */
  public BenchReport run() throws Exception {
    env.createLike(TopicCatalog.FRAUD_SCORES, StreamsDrain.PASS_THROUGH_OUTPUT);
    MerchantsPerUser.Summary merchants = preload();
    Map<TopicPartition, Long> ends;
    try (Admin admin = Admin.create(env.clients().admin(ClientCatalog.BENCH).toProperties())) {
      ends = TopicOffsets.endOffsets(admin, List.of(TopicCatalog.TRANSACTIONS));
    }
    env.out().accept("Each run starts a fresh JVM: " + jvm.line());
    ColdDrain drain = new ColdDrain(env, jvm, arguments, ends);
    Map<String, Map<String, Spread>> measured =
        new Trials(List.of(PASS_THROUGH, DETECTOR), settings.runs(), RATE, env.out())
            .withoutWarmUp()
            .measureMetrics(
                (variant, round) ->
                    figures(
                        drain.run(
                            variant.equals(DETECTOR) ? Stage.DETECTOR : Stage.PASS_THROUGH,
                            variant.replace('_', '-') + "-" + round)));
    return report(measured, merchants)
        .put("input_offsets", ends.values().stream().mapToLong(Long::longValue).sum());
  }

  private MerchantsPerUser.Summary preload() throws InterruptedException {
    TransactionSimulator simulator = TransactionPreload.simulator(settings.users());
    MerchantBranches branches =
        new MerchantBranches(settings.merchantBranches(), TransactionPreload.SEED);
    MerchantsPerUser tally = new MerchantsPerUser();
    Supplier<Transaction> events =
        () -> {
          Transaction tx = branches.apply(simulator.next());
          tally.accept(tx);
          return tx;
        };
    env.out()
        .accept(
            settings.merchantBranches() == 1
                ? "Merchants as the generator draws them."
                : String.format(
                    Locale.ROOT,
                    "Each transaction's merchant is one of %d branches of it (seeded), so that"
                        + " users visit many merchants.",
                    settings.merchantBranches()));
    TransactionPreload.run(env, settings.records(), settings.users(), events);
    MerchantsPerUser.Summary summary = tally.summary(UserProfile.MERCHANTS);
    env.out().accept(summary.line());
    return summary;
  }

  private static Map<String, Double> figures(ColdDrain.Result result) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(RATE, result.timeline().recordsPerSecond());
    figures.put(FIRST_COMMIT, result.timeline().secondsToFirstCommit());
    figures.put(LAST_COMMIT, result.timeline().secondsToLastCommit());
    figures.put(CPU, result.cpuMicrosPerRecord());
    figures.put(COMPILER_CPU, result.compilerMicrosPerRecord());
    return figures;
  }

  private BenchReport report(
      Map<String, Map<String, Spread>> measured, MerchantsPerUser.Summary merchants) {
    double detector = measured.get(DETECTOR).get(RATE).median();
    double passThrough = measured.get(PASS_THROUGH).get(RATE).median();
    env.out()
        .accept(
            String.format(
                Locale.ROOT,
                "%nMedians over %d cold runs of %,d records (rate from the first commit to the"
                    + " last):%n  detector %,.0f tx/s, pass-through %,.0f tx/s, ratio %.2f",
                settings.runs(),
                settings.records(),
                detector,
                passThrough,
                detector / passThrough));
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (String variant : measured.keySet()) {
      Map<String, Spread> figures = measured.get(variant);
      Map<String, Object> json = new LinkedHashMap<>();
      figures.forEach((k, v) -> json.put(k, v.toJson()));
      metrics.put(variant, json);
      env.out()
          .accept(
              String.format(
                  Locale.ROOT,
                  "  %-17s launch → first commit %5.1f s, → last commit %5.1f s; child CPU %5.1f µs"
                      + " per record, its JIT compiler threads %5.1f (medians)",
                  variant,
                  figures.get(FIRST_COMMIT).median(),
                  figures.get(LAST_COMMIT).median(),
                  figures.get(CPU).median(),
                  figures.get(COMPILER_CPU).median()));
    }
    return new BenchReport("detect_cold", settings.records(), settings.runs())
        .put("warm_up_runs", 0)
        .put("detector_tx_per_s", detector)
        .put("passthrough_tx_per_s", passThrough)
        .put("ratio", detector / passThrough)
        .put("merchants_per_user", merchantsJson(merchants))
        .variants(Trials.metric(measured, RATE))
        .put("metrics", metrics)
        .config("users", settings.users())
        .config("merchant_branches", settings.merchantBranches())
        .config("guarantee", GUARANTEE.config())
        .config("stream_threads", THREADS)
        .config("child_jvm", jvm.line())
        .config("child_jvm_options", jvm.options())
        .config("measured", "committed offsets read with the Admin API every 10 ms");
  }

  private static Map<String, Object> merchantsJson(MerchantsPerUser.Summary summary) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("median", summary.median());
    json.put("p90", summary.p90());
    json.put("max", summary.max());
    json.put("profile_capacity", summary.capacity());
    json.put("users_over_capacity", summary.overCapacity());
    json.put("users", summary.users());
    return json;
  }
}
