package io.streamsentinel.cli;

import io.streamsentinel.access.ApiKeyException;
import io.streamsentinel.config.ConfigException;
import io.streamsentinel.database.DatabaseException;
import io.streamsentinel.kafka.KafkaAdminException;
import io.streamsentinel.kafka.PortInUseException;
import io.streamsentinel.kafka.TopicMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns a failed command into one clear line on stderr and exit code 1 (3 when the cluster's topics
 * differ from the catalog). Errors the user can fix (bad settings, a port in use, an unreachable
 * cluster) get their message only; anything else is also logged with its stack trace. Secrets in
 * messages are masked on the way out: stderr is a {@link io.streamsentinel.secrets.MaskingWriter}
 * (see {@link SentinelCli#execute}), the log masks every line.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ErrorReporter.class);

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    String command = cli.getCommandSpec().qualifiedName();
    if (e instanceof TopicMismatchException mismatch) {
      mismatch.mismatches().forEach(m -> cli.getErr().println("MISMATCH " + m));
      cli.getErr().println(TopicMismatchException.ADVICE);
      return Topics.MISMATCH;
    }
    if (e instanceof ConfigException
        || e instanceof PortInUseException
        || e instanceof KafkaAdminException
        || e instanceof DatabaseException
        || e instanceof ApiKeyException
        || e instanceof IllegalArgumentException) {
      cli.getErr().println(command + ": " + e.getMessage());
    } else {
      log.error("{} failed", command, e);
      cli.getErr().println(command + ": failed: " + e + " (details in the log)");
    }
    return 1;
  }
}
