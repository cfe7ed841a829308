package io.streamsentinel.analytics;

import java.io.IOException;
import java.io.Writer;

/** The report's output formats. */
public enum ReportFormat {
  /** For people: totals, tables per dimension, detection quality overall and per model. */
  TEXT,
  /** One object with snake_case keys. */
  JSON,
  /** One row per (section, dimension, bucket, metric) with its value. */
  CSV;

  /** Writes {@code report} in this format. */
  public void write(AnalyticsReport report, Writer out) throws IOException {
    switch (this) {
      case TEXT -> new TextReportWriter(out).write(report);
      case JSON -> JsonReportWriter.write(report, out);
      case CSV -> new CsvReportWriter(out).write(report);
    }
    out.flush();
  }
}
