package io.streamsentinel.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a benchmark starts a stage in a JVM of its own: the same {@code java} executable and class
 * path as this JVM, explicit JVM options, a main class and its arguments.
 *
 * @param java the {@code java} executable
 * @param options JVM options, e.g. {@code -Xmx1g}
 * @param classPath the class path
 * @param mainClass the class whose {@code main} runs
 */
public record ChildJvm(String java, List<String> options, String classPath, String mainClass) {

  public ChildJvm {
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(classPath, "classPath");
    Objects.requireNonNull(mainClass, "mainClass");
    options = List.copyOf(options);
  }

  /** A child of this JVM: its {@code java} executable and its class path. */
  public static ChildJvm likeThisOne(List<String> options, String mainClass) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new ChildJvm(java, options, System.getProperty("java.class.path"), mainClass);
  }

  /**
   * The command line.
   *
   * @param logDir where the child's log file goes ({@code sentinel.log.dir}), so that it does not
   *     write into this JVM's log
   */
  public List<String> command(Path logDir, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(options);
    command.add("-Dsentinel.log.dir=" + logDir.toAbsolutePath());
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** For the terminal: everything but the (long) class path and the arguments. */
  public String line() {
    return java + " " + String.join(" ", options) + " (this JVM's class path)";
  }
}
