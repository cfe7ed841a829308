package io.streamsentinel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every {@code bench} scenario shares; the default record count is the scenario's. */
final class BenchOptions {

  @Option(
      names = "--runs",
      defaultValue = "3",
      paramLabel = "K",
      description =
          "Measured runs of each variant, after one warm-up run (default: ${DEFAULT-VALUE}; the"
              + " figures are the median, min and max of these).")
  int runs;

  @Option(
      names = "--users",
      defaultValue = "100000",
      paramLabel = "U",
      description = "Synthetic users the generator draws from (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description =
          "Also write the figures as JSON: headline figures, every variant's median/min/max/all,"
              + " machine and effective configuration.")
  Path json;
}
