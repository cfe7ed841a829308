package io.streamsentinel.cli;

import io.streamsentinel.runtime.ShutdownSignal;
import io.streamsentinel.secrets.MaskingWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The composition root: parses the command line, wires the chosen command and owns the process's
 * single shutdown hook. Only this class calls {@link System#exit}.
 */
@Command(
    name = "sentinel",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Stream-Sentinel: real-time fraud detection on Apache Kafka.",
    subcommands = {
      DemoCommand.class,
      BrokerCommand.class,
      TopicsCommand.class,
      GenerateCommand.class,
      DetectCommand.class,
      RespondCommand.class,
      PersistCommand.class,
      CasesCommand.class,
      AccountCommand.class,
      ApiKeyCommand.class,
      EvaluateCommand.class,
      BacktestCommand.class,
      RulesCommand.class,
      LabelsCommand.class,
      ModelCommand.class,
      AnalyticsCommand.class,
      ReportCommand.class,
      LagCommand.class,
      BenchCommand.class,
      ConfigCommand.class,
      SecurityCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Start with: sentinel demo   (embedded broker + whole pipeline, Ctrl-C to stop)",
      "Run 'sentinel help COMMAND' for a command's options."
    })
public final class SentinelCli implements Runnable {

  /** Time the shutdown hook gives the running command to stop its parts in order. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    ShutdownSignal shutdown = new ShutdownSignal();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  shutdown.request();
                  try {
                    if (!shutdown.awaitFinished(SHUTDOWN_GRACE)) {
                      err.println(
                          "sentinel: parts did not stop within "
                              + SHUTDOWN_GRACE.toSeconds()
                              + " s");
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  LogManager.shutdown();
                },
                "sentinel-shutdown"));
    int code = execute(new CliContext(out, err, shutdown), args);
    shutdown.markFinished();
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; tests call this instead of {@link #main}. */
  public static int execute(CliContext context, String... args) {
    // Error messages quote what options and libraries said: stderr masks secrets in every line.
    CliContext masked =
        new CliContext(
            context.out(),
            new PrintWriter(new MaskingWriter(context.err()), true),
            context.shutdown());
    CommandLine cli = new CommandLine(new SentinelCli(), new ContextFactory(masked));
    cli.setOut(masked.out());
    cli.setErr(masked.err());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    try {
      return cli.execute(args);
    } finally {
      masked.err().flush(); // the part line still held for masking
    }
  }
}
