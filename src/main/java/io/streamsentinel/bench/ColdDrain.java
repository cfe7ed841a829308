package io.streamsentinel.bench;

import io.streamsentinel.bench.ColdScenario.StageArguments;
import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import io.streamsentinel.runtime.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * One cold drain: a fresh child JVM runs a stage under a new application id with an empty state
 * directory, and this process watches the application's committed offsets from outside with the
 * Admin API, as a user timing a detector would ({@link CommitTimeline}). Just before it stops the
 * child it takes the child's CPU time, and the part of it its JIT compiler threads used.
 */
final class ColdDrain {

  /**
   * @param timeline the drain as seen from outside
   * @param cpuMicrosPerRecord the child's CPU time from launch to the last commit, all its threads
   *     (start-up, JIT, GC, RocksDB included), per input record; NaN where the OS does not say
   * @param compilerMicrosPerRecord the part of it the child's JIT compiler threads used, per input
   *     record; NaN where the OS does not say
   */
  record Result(
      CommitTimeline.Result timeline, double cpuMicrosPerRecord, double compilerMicrosPerRecord) {}

  /** 10 ms: a 100th of a second on drains of seconds, and a light load on the broker. */
  private static final Duration POLL = Duration.ofMillis(10);

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

  private static final int LOG_TAIL_LINES = 30;

  private final BenchEnvironment env;
  private final ChildJvm jvm;
  private final StageArguments arguments;
  private final Map<TopicPartition, Long> ends;

  /**
   * @param ends the end offsets of the pre-loaded input
   */
  ColdDrain(
      BenchEnvironment env,
      ChildJvm jvm,
      StageArguments arguments,
      Map<TopicPartition, Long> ends) {
    this.env = env;
    this.jvm = jvm;
    this.arguments = arguments;
    this.ends = Map.copyOf(ends);
  }

  /**
   * @param name names the run: application id, folder, progress lines
   * @throws IllegalStateException when the child exits early or the drain times out, with the
   *     child's exit code and the last lines of its output
   * @throws CancellationException on Ctrl-C
   */
  Result run(Stage stage, String name) throws Exception {
    String appId = "bench-cold-" + name + "-" + System.nanoTime();
    Path folder = env.stateDir(name).toAbsolutePath();
    List<String> command =
        jvm.command(folder.resolve("logs"), arguments.of(stage, appId, folder.resolve("state")));
    try (Admin admin = Admin.create(env.clients().admin(ClientCatalog.BENCH).toProperties())) {
      long launch = System.nanoTime();
      CommitTimeline timeline = new CommitTimeline(ends, launch);
      try (StageProcess child = StageProcess.start(command, folder.resolve("child.log"));
          ProgressTicker ticker =
              new ProgressTicker(name, timeline::committed, timeline.total(), env.out())) {
        watch(admin, appId, child, timeline);
        Optional<Duration> cpu = child.cpuTime();
        Optional<Duration> compiler = child.compilerCpuTime();
        CommitTimeline.Result result = timeline.result();
        return new Result(
            result, perRecord(cpu, timeline.total()), perRecord(compiler, timeline.total()));
      }
    }
  }

  private static double perRecord(Optional<Duration> time, long records) {
    return time.map(d -> d.toNanos() / 1e3 / records).orElse(Double.NaN);
  }

  private void watch(Admin admin, String appId, StageProcess child, CommitTimeline timeline)
      throws InterruptedException {
    boolean drained =
        Await.until(
            () -> {
              timeline.note(System.nanoTime(), TopicOffsets.committedOffsets(admin, appId));
              return timeline.isDrained();
            },
            RUN_TIMEOUT,
            POLL,
            () -> {
              if (env.shutdown().isRequested()) {
                throw new CancellationException("stopped by Ctrl-C");
              }
              if (!child.isAlive()) {
                throw failure(child, "exited with code " + child.exitCode(), timeline);
              }
            });
    if (!drained) {
      throw failure(child, "did not drain within " + RUN_TIMEOUT.toMinutes() + " min", timeline);
    }
  }

  private static IllegalStateException failure(
      StageProcess child, String what, CommitTimeline timeline) {
    return new IllegalStateException(
        String.format(
            Locale.ROOT,
            "the stage's JVM %s after committing %,d of %,d records; the last lines of its"
                + " output:%n%s",
            what,
            timeline.committed(),
            timeline.total(),
            child.tail(LOG_TAIL_LINES)));
  }
}
