package io.streamsentinel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A stage running in a child process that this benchmark started, and always stops: on {@link
 * #close()}, which runs on every way out of a run (its end, a failure, Ctrl-C). The child's stdout
 * and stderr go to a log file, whose last lines tell why a child failed.
 */
final class StageProcess implements AutoCloseable {

  /** A stopped stage commits and leaves its group; past this it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;

  private StageProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * @param log where the child's stdout and stderr go
   */
  static StageProcess start(List<String> command, Path log) throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new StageProcess(process, log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code of a child that has ended. */
  int exitCode() {
    return process.exitValue();
  }

  /** CPU time the child has used so far, all its threads, where the OS reports it. */
  Optional<Duration> cpuTime() {
    return process.toHandle().info().totalCpuDuration();
  }

  /**
   * CPU time the child's JIT compiler threads have used so far, where the OS reports it (see {@link
   * CompilerCpu}).
   */
  Optional<Duration> compilerCpuTime() {
    return CompilerCpu.of(process.pid());
  }

  /** The last {@code lines} lines of the child's output, for an error message. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Asks the child to stop (SIGTERM: it closes its stage), kills it when it does not. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
