package io.streamsentinel.testing;

import io.streamsentinel.cli.CliContext;
import io.streamsentinel.cli.SentinelCli;
import io.streamsentinel.runtime.ShutdownSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process as a user would, capturing what it prints. */
public final class CliRunner {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  public final ShutdownSignal shutdown = new ShutdownSignal();

  public int run(String... args) {
    return SentinelCli.execute(
        new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), shutdown), args);
  }

  /**
   * {@code demo} with free ports and every data directory (broker, streams, PostgreSQL) under
   * {@code dir}, followed by {@code more}.
   */
  public static String[] demoIn(Path dir, String... more) {
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

  public String out() {
    return out.toString();
  }

  public String err() {
    return err.toString();
  }
}
