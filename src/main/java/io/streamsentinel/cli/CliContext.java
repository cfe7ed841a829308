package io.streamsentinel.cli;

import io.streamsentinel.runtime.ShutdownSignal;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What every command is given by the composition root: where to print and how it learns it must
 * stop. Only the CLI writes to stdout.
 */
public record CliContext(PrintWriter out, PrintWriter err, ShutdownSignal shutdown) {

  /** Prints a status line each second until Ctrl-C, or until the running part stops by itself. */
  public void statusEverySecond(BooleanSupplier alive, Supplier<String> status)
      throws InterruptedException {
    while (!shutdown.awaitRequest(Duration.ofSeconds(1)) && alive.getAsBoolean()) {
      out.println(status.get());
    }
  }

  /**
   * Whether a long-running part ended on its own rather than on Ctrl-C (or a normal end its command
   * asked for) and, if so, says why on stderr: an unexpected stop is an error exit with its cause,
   * never 0, even when the part recorded no cause.
   *
   * @param command the command's name, to start the line with
   * @param stillRunning whether the part is still running (it ends only when closed)
   * @param cause what stopped it, as it recorded it; null when it recorded nothing
   */
  public boolean stoppedUnexpectedly(String command, boolean stillRunning, Throwable cause) {
    if (cause == null && (stillRunning || shutdown.isRequested())) {
      return false;
    }
    err.println(
        command
            + ": stopped by an error: "
            + (cause != null
                ? cause
                : "it stopped by itself without a recorded cause (see the log)"));
    return true;
  }
}
