package io.streamsentinel.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process as a user would, capturing what it prints. */
final class CliRunner {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final ShutdownSignal shutdown = new ShutdownSignal();

  int run(String... args) {
    return SentinelCli.execute(
        new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), shutdown), args);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
