package io.streamsentinel.analytics;

import io.streamsentinel.detection.quality.ConfusionMatrix;
import io.streamsentinel.detection.quality.PatternQuality;
import io.streamsentinel.detection.quality.QualityReport;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The report for a fraud analyst: totals, one table per dimension, detection quality overall and
 * per model in force.
 */
final class TextReportWriter {

  private static final String ROW = "%-22s %12s %16s %9s %8s %8s %8s %9s %7s%n";
  private static final String MODEL_ROW = "%-14s %-12s %10s %8s %9s %8s %8s %8s%n";

  private final PrintWriter out;

  TextReportWriter(Writer out) {
    this.out = new PrintWriter(out);
  }

  void write(AnalyticsReport report) {
    AnalyticsSnapshot s = report.snapshot();
    out.println("Stream-Sentinel fraud analytics (fraud-scores, as counted by sentinel analytics)");
    out.println();
    totals(report);
    for (Dimension dimension : Dimension.values()) {
      table(dimension, s);
    }
    quality(report.quality());
    byModel(report);
    out.flush();
  }

  private void totals(AnalyticsReport report) {
    AnalyticsSnapshot s = report.snapshot();
    BucketCounts t = report.totals();
    printf(
        "decisions %,d   amount %s%n"
            + "  left out of the rates: %,d on already-blocked accounts (enforcement), %,d unlabelled;"
            + " %,d undecodable records sent to persistence-dlq%n"
            + "evaluated %,d   labelled fraud %,d (%s)   alerts %,d (%s) at score >= %s"
            + "   precision %s   recall %s%n",
        s.count(Counter.DECISIONS),
        t.amountSum().toPlainString(),
        s.count(Counter.ENFORCEMENT_DECISIONS),
        s.count(Counter.UNLABELLED_DECISIONS),
        s.count(Counter.UNDECODABLE_RECORDS),
        t.evaluated(),
        t.labelledFraud(),
        percent(t.fraudRate()),
        t.alerts(),
        percent(t.alertRate()),
        s.alertThreshold() == null ? "-" : fixed(s.alertThreshold(), 2),
        fixed(t.precision(), 4),
        fixed(t.recall(), 4));
    out.println(
        "Rates are over the evaluated decisions (labelled, not enforcement); - marks an undefined"
            + " rate (no alerts, no frauds).");
  }

  private void table(Dimension dimension, AnalyticsSnapshot s) {
    printf("%nBy %s%n", dimension.key().replace('_', ' '));
    printf(
        ROW,
        "BUCKET",
        "DECISIONS",
        "AMOUNT",
        "FRAUD",
        "FRAUD%",
        "ALERTS",
        "ALERT%",
        "PRECISION",
        "RECALL");
    for (BucketStats b : s.buckets(dimension)) {
      BucketCounts c = b.counts();
      printf(
          ROW,
          b.bucket(),
          String.format(Locale.ROOT, "%,d", c.transactions()),
          c.amountSum().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
          String.format(Locale.ROOT, "%,d", c.labelledFraud()),
          c.evaluated() == 0 ? "-" : percent(c.fraudRate()),
          String.format(Locale.ROOT, "%,d", c.alerts()),
          c.evaluated() == 0 ? "-" : percent(c.alertRate()),
          c.alerts() == 0 ? "-" : fixed(c.precision(), 4),
          c.labelledFraud() == 0 ? "-" : fixed(c.recall(), 4));
    }
  }

  private void quality(QualityReport q) {
    ConfusionMatrix m = q.overall();
    printf(
        "%nDetection quality against the ground-truth labels at threshold %s (%,d labelled"
            + " detection decisions)%n"
            + "precision %s   recall %s   F1 %s   ROC AUC %s%n%n"
            + "%-14s %12s %12s%n%-14s %,12d %,12d%n%-14s %,12d %,12d%n",
        fixed(q.threshold(), 2),
        q.decisions(),
        fixed(q.precision(), 4),
        fixed(q.recall(), 4),
        fixed(q.f1(), 4),
        fixed(q.auc(), 4),
        "",
        "ALERT",
        "NO ALERT",
        "fraud",
        m.truePositives(),
        m.falseNegatives(),
        "legitimate",
        m.falsePositives(),
        m.trueNegatives());
    String row = "%-26s %8s %8s %9s %7s %7s %7s%n";
    printf("%n" + row, "PATTERN", "FRAUDS", "DETECTED", "PRECISION", "RECALL", "F1", "AUC");
    for (PatternQuality p : q.perPattern().values()) {
      printf(
          row,
          p.pattern(),
          String.format(Locale.ROOT, "%,d", p.frauds()),
          String.format(Locale.ROOT, "%,d", p.detected()),
          fixed(p.precision(), 4),
          fixed(p.recall(), 4),
          fixed(p.f1(), 4),
          fixed(p.auc(), 4));
    }
    out.println(
        "(per pattern: the pattern's frauds against every legitimate decision, so every false"
            + " alarm counts against each pattern's precision)");
  }

  /**
   * Quality per model in force, each next to the rules' own score on exactly the same decisions, as
   * {@code sentinel evaluate} prints it.
   */
  private void byModel(AnalyticsReport report) {
    printf("%nDetection quality per model in force, next to the rules on the same decisions%n");
    printf(
        MODEL_ROW,
        "MODEL",
        "SCORED BY",
        "DECISIONS",
        "FRAUDS",
        "PRECISION",
        "RECALL",
        "F1",
        "ROC AUC");
    report
        .byModel()
        .forEach(
            (group, q) -> {
              modelRow(group, ScoredBy.SCORE, q.score());
              if (!group.equals(ModelScoreCell.RULES_ONLY)) {
                modelRow(group, ScoredBy.RULES_SCORE, q.rulesScore());
              }
            });
    long missing = report.quality().decisions() - report.decisionsByModel();
    if (missing > 0) {
      printf(
          "(%,d labelled decisions were counted before the per-model figures were kept and are"
              + " only in the overall figures)%n",
          missing);
    }
  }

  private void modelRow(String group, ScoredBy scoredBy, QualityReport r) {
    printf(
        MODEL_ROW,
        group,
        scoredBy.key(),
        String.format(Locale.ROOT, "%,d", r.decisions()),
        String.format(Locale.ROOT, "%,d", r.overall().positives()),
        fixed(r.precision(), 4),
        fixed(r.recall(), 4),
        fixed(r.f1(), 4),
        fixed(r.auc(), 4));
  }

  private void printf(String format, Object... args) {
    out.printf(Locale.ROOT, format, args);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * share);
  }

  /** A figure with {@code digits} decimals; "-" when undefined. */
  private static String fixed(double value, int digits) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "f", value) : "-";
  }
}
