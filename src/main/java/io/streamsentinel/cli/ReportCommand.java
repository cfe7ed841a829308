package io.streamsentinel.cli;

import io.streamsentinel.analytics.AnalyticsReport;
import io.streamsentinel.analytics.AnalyticsRepository;
import io.streamsentinel.analytics.AnalyticsSnapshot;
import io.streamsentinel.analytics.ReportFormat;
import io.streamsentinel.database.Database;
import io.streamsentinel.detection.Decision;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel report}: the analytics tables as a report. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the fraud analytics report from the database (filled by sentinel analytics; Kafka is not"
          + " read): totals, volume, fraud rate, alerts and precision by merchant category, country, hour"
          + " of day (UTC), amount bucket and severity, and detection quality against the ground-truth"
          + " labels — precision, recall and F1 overall and per pattern, the confusion matrix at the"
          + " threshold and ROC AUC, computed exactly as sentinel evaluate does, overall and per model in"
          + " force next to the rules' own score on the same decisions.",
      "Decisions on already-blocked accounts are enforcement, not detection: counted in volume, left out"
          + " of the rates and the quality figures."
    })
final class ReportCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin DatabaseOptions database;

  @Option(
      names = "--format",
      paramLabel = "text|json|csv",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "Output format (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--threshold",
      paramLabel = "S",
      defaultValue = "" + Decision.DEFAULT_ALERT_THRESHOLD,
      description = "Alert threshold of the detection quality figures (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of the terminal.")
  Path output;

  ReportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (!(threshold >= 0 && threshold <= 1)) {
      context.err().println("report: --threshold must be in [0, 1], got " + threshold);
      return 2;
    }
    AnalyticsSnapshot snapshot;
    try (Database db = Database.open(database.settings(false))) {
      snapshot = new AnalyticsRepository(db.dataSource()).snapshot();
    }
    if (snapshot.isEmpty()) {
      context.err().println("report: the analytics tables are empty; run sentinel analytics first");
      return 1;
    }
    AnalyticsReport report = AnalyticsReport.of(snapshot, threshold);
    if (output == null) {
      format.write(report, context.out());
      return 0;
    }
    try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      format.write(report, file);
    }
    context.out().println("Written to " + output);
    return 0;
  }

  /** Accepts the format in any case. */
  static final class FormatConverter implements ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      try {
        return ReportFormat.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a format; use text, json or csv");
      }
    }
  }
}
