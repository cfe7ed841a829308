package io.streamsentinel.testing;

import io.streamsentinel.cli.SentinelCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code sentinel} commands as separate JVMs, as a user would, so a test can kill one
 * abruptly. Each process writes its output to {@code <dir>/<name>.log} and its log file under
 * {@code <dir>/logs-<name>}.
 */
public final class SentinelProcesses implements AutoCloseable {

  private final Path dir;
  private final List<Process> started = new ArrayList<>();

  public SentinelProcesses(Path dir) {
    this.dir = dir;
  }

  /** Starts {@code sentinel <args>} with the given heap. */
  public Process start(String name, String heap, String... args) throws Exception {
    return start(name, heap, List.of(), args);
  }

  /**
   * Starts {@code sentinel <args>} with the given heap and JVM options, e.g. {@code
   * -Dlog4j2.configurationFile=log4j2.xml} for the shipped logging instead of the tests'.
   */
  public Process start(String name, String heap, List<String> jvmOptions, String... args)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Dsentinel.log.dir=" + dir.resolve("logs-" + name)));
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), SentinelCli.class.getName()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    started.add(process);
    return process;
  }

  /** Kills whatever is still running. */
  @Override
  public void close() {
    started.forEach(Process::destroyForcibly);
  }
}
