package io.streamsentinel.analytics;

import io.streamsentinel.detection.quality.QualityReport;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The report as CSV, one row per figure: {@code section,dimension,bucket,metric,value}. Sections:
 * {@code totals}, {@code dimension} (dimension and bucket set), {@code quality} (dimension {@code
 * overall}, {@code confusion_matrix} or {@code pattern} with the pattern as bucket), {@code
 * by_model_version} (dimension {@code score} or {@code rules_score}, the model group as bucket, the
 * overall figures and the confusion matrix). An undefined value is empty.
 */
final class CsvReportWriter {

  private final Writer out;

  CsvReportWriter(Writer out) {
    this.out = out;
  }

  void write(AnalyticsReport report) throws IOException {
    row("section", "dimension", "bucket", "metric", "value");
    figure("totals", "", "", "alert_threshold", report.snapshot().alertThreshold());
    figures("totals", "", "", ReportFigures.totals(report));
    for (Dimension dimension : Dimension.values()) {
      for (BucketStats b : report.snapshot().buckets(dimension)) {
        figures("dimension", dimension.key(), b.bucket(), ReportFigures.metrics(b.counts()));
      }
    }
    figures("quality", "overall", "", ReportFigures.overall(report.quality()));
    figures("quality", "confusion_matrix", "", ReportFigures.confusion(report.quality().overall()));
    for (var p : report.quality().perPattern().values()) {
      figures("quality", "pattern", p.pattern(), ReportFigures.pattern(p));
    }
    for (Map.Entry<String, ModelQuality> m : report.byModel().entrySet()) {
      scored(m.getKey(), ScoredBy.SCORE, m.getValue().score());
      scored(m.getKey(), ScoredBy.RULES_SCORE, m.getValue().rulesScore());
    }
  }

  private void scored(String group, ScoredBy scoredBy, QualityReport q) throws IOException {
    figures("by_model_version", scoredBy.key(), group, ReportFigures.overall(q));
    figures("by_model_version", scoredBy.key(), group, ReportFigures.confusion(q.overall()));
  }

  private void figures(String section, String dimension, String bucket, Map<String, Object> values)
      throws IOException {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      figure(section, dimension, bucket, e.getKey(), e.getValue());
    }
  }

  private void figure(String section, String dimension, String bucket, String metric, Object value)
      throws IOException {
    String text =
        value == null
            ? ""
            : value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    row(section, dimension, bucket, metric, text);
  }

  private void row(String... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(escape(cells[i]));
    }
    out.write("\r\n"); // RFC 4180 line ends
  }

  /** Quotes a cell holding a comma, quote or line break (RFC 4180). */
  static String escape(String cell) {
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
