package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.ChildJvm;
import io.streamsentinel.bench.ColdScenario;
import io.streamsentinel.bench.DetectScenario;
import io.streamsentinel.bench.StreamsDrain.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sentinel bench detect}: the detector's drain rate against a pass-through stage. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Detector drain rate against a pass-through Streams stage, both guarantees; --cold: each in"
          + " a fresh JVM, timed from outside.",
      "Pre-loads N generated transactions, then measures the drain rate of the detector with"
          + " exactly_once_v2 and with at_least_once and, in the same invocation, of a pass-through"
          + " Streams stage (one RocksDB get/put per record, input forwarded unchanged). Drain rate ="
          + " records processed / time from the first processed record to the last (start-up and"
          + " group join left out, commits in). 1 stream thread. Runs interleave; one warm-up round"
          + " first.",
      "Over the same span it also takes the CPU time per record of the whole JVM (broker"
          + " included when embedded) and of the stream thread: on a shared machine these move far"
          + " less than the rates. And, on Linux, of the JVM's JIT compiler threads: what the"
          + " warm-up left to compile.",
      "With --cold: each run starts a fresh JVM (this JVM's java and class path, "
          + BenchDetectCommand.CHILD_HEAP
          + ") running the detector as 'detect' runs it (exactly_once_v2, 1 stream thread, rules"
          + " and whatever model the registry holds: none on a fresh broker), or the pass-through"
          + " stage started the same way, under a new application id with empty state. This"
          + " process times it from outside, as a user would: it reads the application's committed"
          + " offsets every 10 ms; rate = records committed after the first commit / (last commit"
          + " - first commit). Also per run: seconds from the JVM's launch to its first and last"
          + " commit, its CPU time per record and, on Linux, the part of it its JIT compiler"
          + " threads used. Runs interleave, pass-through first; no warm-up"
          + " (the cold start is the point). Defaults: 400000 records, 5000 users, merchants spread"
          + " over --merchant-branches branches each.",
      "Uses a fresh embedded broker in a temporary folder under ./data unless --bootstrap-servers"
          + " is given."
    })
final class BenchDetectCommand implements Callable<Integer> {

  /** The cold stages' JVMs get an explicit heap, so that they do not size it from the machine. */
  static final String CHILD_HEAP = "-Xmx1g";

  static final long DEFAULT_RECORDS = 1_000_000;
  static final long COLD_RECORDS = 400_000;
  static final int COLD_USERS = 5_000;

  private final CliContext context;
  @Mixin KafkaOptions kafka;
  @Mixin BenchOptions bench;
  @Spec CommandSpec spec;

  @Option(
      names = "--records",
      paramLabel = "N",
      description =
          "Transactions to pre-load and drain in each run (default: "
              + DEFAULT_RECORDS
              + "; "
              + COLD_RECORDS
              + " with --cold).")
  Long records;

  @Option(
      names = "--cold",
      description =
          "Each run in a fresh JVM, timed from outside by its committed offsets (see above);"
              + " --users defaults to "
              + COLD_USERS
              + ".")
  boolean cold;

  @Option(
      names = "--merchant-branches",
      paramLabel = "B",
      defaultValue = "16",
      description =
          "With --cold: each transaction's merchant becomes one of B branches of it (seeded), so"
              + " that users visit many merchants and their profiles' merchant sets fill up; the"
              + " distribution is printed. 1 keeps the generator's merchants (default:"
              + " ${DEFAULT-VALUE}).")
  int merchantBranches;

  @Option(
      names = "--jvm-option",
      paramLabel = "OPTION",
      description =
          "With --cold: an option of the stages' JVMs (repeatable), e.g. --jvm-option=-XX:+UseParallelGC;"
              + " they always get "
              + CHILD_HEAP
              + " first.")
  List<String> jvmOptions = new ArrayList<>();

  BenchDetectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    for (String coldOnly : List.of("--merchant-branches", "--jvm-option")) {
      if (!cold && spec.commandLine().getParseResult().hasMatchedOption(coldOnly)) {
        throw new ParameterException(spec.commandLine(), coldOnly + " needs --cold");
      }
    }
    try (BenchEnvironment env =
        BenchEnvironment.start(kafka.config(), context.out()::println, context.shutdown())) {
      if (cold) {
        try {
          env.finish(cold(env).run(), bench.json);
        } catch (CancellationException e) {
          // The stage's JVM has been stopped on the way out; nothing was measured in full.
          context.err().println("bench detect --cold: stopped before the runs ended, no figures");
          return 1;
        }
      } else {
        DetectScenario.Settings settings =
            new DetectScenario.Settings(
                records == null ? DEFAULT_RECORDS : records, bench.runs, bench.users);
        env.finish(new DetectScenario(env, settings).run(), bench.json);
      }
      return 0;
    }
  }

  private ColdScenario cold(BenchEnvironment env) {
    int users =
        spec.commandLine().getParseResult().hasMatchedOption("--users") ? bench.users : COLD_USERS;
    ColdScenario.Settings settings =
        new ColdScenario.Settings(
            records == null ? COLD_RECORDS : records, users, bench.runs, merchantBranches);
    String bootstrap = env.kafka().settings().bootstrapServers();
    return new ColdScenario(
        env,
        settings,
        ChildJvm.likeThisOne(childOptions(), SentinelCli.class.getName()),
        (stage, applicationId, stateDir) ->
            stageArguments(stage, applicationId, stateDir, bootstrap));
  }

  private List<String> childOptions() {
    List<String> options = new ArrayList<>(List.of(CHILD_HEAP));
    options.addAll(jvmOptions);
    return options;
  }

  /** {@code bench stage} with this command's Kafka options, on the benchmark's cluster. */
  private List<String> stageArguments(
      Stage stage, String applicationId, Path stateDir, String bootstrap) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "bench",
                "stage",
                "--stage",
                stage.cliName(),
                "--application-id",
                applicationId,
                "--state-dir",
                stateDir.toString(),
                "--guarantee",
                ColdScenario.GUARANTEE.config(),
                "--threads",
                String.valueOf(ColdScenario.THREADS)));
    args.addAll(kafka.arguments(bootstrap));
    return args;
  }
}
