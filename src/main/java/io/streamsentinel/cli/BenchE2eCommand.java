package io.streamsentinel.cli;

import io.streamsentinel.bench.BenchEnvironment;
import io.streamsentinel.bench.EndToEndScenario;
import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.bench.WarmUp;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
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
          + " responder, once with exactly_once_v2 and once with at_least_once (commit intervals:"
          + " the profile's under exactly_once_v2, 50 ms with balanced and low-latency, 100 ms"
          + " with high-throughput, Streams' 30 s under at_least_once, or --kafka-prop"
          + " streams.commit.interval.ms; --guarantee for one), and records with HdrHistogram:",
      "  event -> decision: when a read_committed reader receives the decision from fraud-scores,"
          + " minus the decision's record timestamp, which the detector copies from the input"
          + " record: the time the generator's producer called send(). So it includes batching"
          + " (linger), the broker, the detector, the transaction commit and the reader's fetch.",
      "  alert -> action: when the same reader receives the first user-actions record of an alert"
          + " minus when it received that alert from fraud-alerts.",
      "Both are wall-clock milliseconds in this one JVM. Per guarantee: a warm-up, then --runs"
          + " rounds of N; p50/p99/p99.9/max of each"
          + " round, reported as median, min and max over the rounds. Each round also reports"
          + " jit_ms: the JVM's JIT compile time during it (a fresh JVM running all of it compiles"
          + " for minutes on 2 cores, and that is CPU the stages do not get), gc_pauses and"
          + " gc_pause_ms: the garbage collector's stop-the-world pauses during it (every thread"
          + " waits them out, so each adds to every record in flight), on Linux"
          + " tcp_receive_queue_drops: the machine's TCP segments dropped from full receive"
          + " queues during it (each stalls its connection for 200 ms or more),"
          + " the detector's stream thread over it (stream_thread_busy:"
          + " not blocked on Kafka; stream_thread_on_cpu; its CPU per record), the JVM's CPU in"
          + " cores (jvm_cpu_cores) and where it went, in cores: cpu_cores_detector, _generator,"
          + " _responder, _observer (the latency reader), _other_threads (an embedded broker's"
          + " among them) and _unlisted (GC, the JIT, native threads such as RocksDB's). Each"
          + " guarantee gets a fresh embedded broker"
          + " unless --bootstrap-servers is given (then use a dedicated cluster: the responder"
          + " joins group alert-response-group and the catalog topics are written).",
      "The warm-up runs slices of 10 s at --tps until the JIT has settled (its compile time at"
          + " most 1 s, 10 %% of a slice, in two slices in a row), for at least 60 s; no slice starts"
          + " after 300 s. It prints each slice's JIT time and how it ended; --warmup-records N runs"
          + " N transactions instead.",
      "--stage pass-through puts bench detect's pass-through stage (its baseline: one RocksDB"
          + " get and put per record, the input forwarded as it is) in the detector's place and"
          + " reads its output topic, bench-pass-through, instead of fraud-scores: the same pipeline"
          + " with no detection work and no alerts, so no responder runs. Its event -> decision"
          + " latency is what Kafka and Kafka Streams alone cost a record on its way on this machine"
          + " under these settings, to hold the detector's against. The stream thread, commit and"
          + " cpu_cores_detector figures are then the pass-through's."
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
      names = "--warmup-records",
      paramLabel = "N",
      description =
          "A fixed warm-up of N transactions (default: slices at --tps until the JIT settles;"
              + " see above).")
  Long warmUpRecords;

  @Option(
      names = "--guarantee",
      paramLabel = "G",
      description =
          "Measure only this guarantee: exactly-once or at-least-once (repeatable; default: both,"
              + " exactly-once first).")
  List<String> guarantees;

  @Option(
      names = "--tps",
      defaultValue = "10000",
      paramLabel = "R",
      description = "Steady input rate, transactions per second (default: ${DEFAULT-VALUE}).")
  double tps;

  @Option(
      names = "--stage",
      defaultValue = "detector",
      paramLabel = "S",
      description =
          "detector (default) or pass-through: bench detect's pass-through stage in the"
              + " detector's place (see above).")
  String stage;

  BenchE2eCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (!(tps > 0)) {
      context.err().println("--tps must be positive");
      return 2;
    }
    if (records < 1) {
      context.err().println("--records must be positive but was " + records);
      return 2;
    }
    if (warmUpRecords != null && warmUpRecords < 1) {
      context.err().println("--warmup-records must be positive but was " + warmUpRecords);
      return 2;
    }
    List<Guarantee> measured;
    try {
      measured =
          guarantees == null
              ? EndToEndScenario.Settings.BOTH
              : guarantees.stream().map(Guarantee::fromCli).distinct().toList();
    } catch (IllegalArgumentException e) {
      context.err().println("--guarantee: " + e.getMessage());
      return 2;
    }
    Stage measuredStage;
    try {
      measuredStage = Stage.fromCli(stage);
    } catch (IllegalArgumentException e) {
      context.err().println("--stage: " + e.getMessage());
      return 2;
    }
    KafkaConfig config = kafka.config();
    try {
      new EndToEndScenario(
              new EndToEndScenario.Settings(
                  records,
                  warmUpRecords == null ? WarmUp.UNTIL_JIT_SETTLES : WarmUp.fixed(warmUpRecords),
                  tps,
                  bench.runs,
                  bench.users,
                  measured,
                  measuredStage),
              context.out()::println)
          .run(
              () -> BenchEnvironment.start(config, context.out()::println, context.shutdown()),
              bench.json);
    } catch (CancellationException e) {
      if (!context.shutdown().isRequested()) {
        throw e; // not Ctrl-C: a failure, reported as one
      }
      // The pipeline and the broker have been closed on the way out.
      context.err().println("bench e2e: stopped before the runs ended, no figures");
      return 1;
    }
    return 0;
  }
}
