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
}
