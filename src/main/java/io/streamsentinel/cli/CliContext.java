package io.streamsentinel.cli;

import java.io.PrintWriter;

/**
 * What every command is given by the composition root: where to print and how it learns it must
 * stop. Only the CLI writes to stdout.
 */
public record CliContext(PrintWriter out, PrintWriter err, ShutdownSignal shutdown) {}
