package io.streamsentinel.cli;

import io.streamsentinel.runtime.ShutdownSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process as a user would, capturing what it prints. */
final class CliRunner {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final ShutdownSignal shutdown = new ShutdownSignal();

  int run(String... args) {
    return SentinelCli.execute(
        new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), shutdown), args);
  }

  /**
   * {@code demo} with free ports and every data directory (broker, streams, PostgreSQL) under
   * {@code dir}, followed by {@code more}.
   */
  static String[] demoIn(Path dir, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "demo",
                "--port",
                "0",
                "--http-port",
                "0",
                "--data-dir",
                dir.resolve("kafka").toString(),
                "--state-dir",
                dir.resolve("streams").toString(),
                "--db-data-dir",
                dir.resolve("postgres").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
