package io.streamsentinel.analytics;

import io.streamsentinel.detection.quality.ConfusionMatrix;
import io.streamsentinel.detection.quality.PatternQuality;
import io.streamsentinel.detection.quality.QualityReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's figures as ordered name → value maps with snake_case names: the JSON document as is,
 * and the rows of the CSV. An undefined figure (an AUC without frauds or without legitimate
 * decisions) is null, never NaN.
 */
public final class ReportFigures {

  private ReportFigures() {}

  /** The whole report: alert_threshold, totals, dimensions, quality, by_model_version. */
  static Map<String, Object> document(AnalyticsReport report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("alert_threshold", report.snapshot().alertThreshold());
    out.put("totals", totals(report));
    Map<String, Object> dimensions = new LinkedHashMap<>();
    for (Dimension dimension : Dimension.values()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (BucketStats b : report.snapshot().buckets(dimension)) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("bucket", b.bucket());
        row.putAll(metrics(b.counts()));
        rows.add(row);
      }
      dimensions.put(dimension.key(), rows);
    }
    out.put("dimensions", dimensions);
    out.put("quality", quality(report.quality()));
    Map<String, Object> byModel = new LinkedHashMap<>();
    report.byModel().forEach((group, q) -> byModel.put(group, modelQuality(q)));
    out.put("by_model_version", byModel);
    return out;
  }

  static Map<String, Object> totals(AnalyticsReport report) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Counter counter : Counter.values()) {
      out.put(counter.key(), report.snapshot().count(counter));
    }
    out.putAll(metrics(report.totals()));
    return out;
  }

  /** The counts of a bucket and the rates derived from them. */
  static Map<String, Object> metrics(BucketCounts c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("transactions", c.transactions());
    out.put("amount_sum", c.amountSum());
    out.put("enforcement", c.enforcement());
    out.put("evaluated", c.evaluated());
    out.put("labelled_fraud", c.labelledFraud());
    out.put("fraud_rate", c.fraudRate());
    out.put("alerts", c.alerts());
    out.put("alert_rate", c.alertRate());
    out.put("true_alerts", c.trueAlerts());
    out.put("precision", c.precision());
    out.put("recall", c.recall());
    return out;
  }

  /**
   * Detection quality as JSON figures: the overall ones, the confusion matrix and per pattern (an
   * undefined AUC is null); the same for {@code report} and {@code evaluate}.
   */
  public static Map<String, Object> quality(QualityReport q) {
    Map<String, Object> out = new LinkedHashMap<>(overall(q));
    out.put("confusion_matrix", confusion(q.overall()));
    Map<String, Object> perPattern = new LinkedHashMap<>();
    q.perPattern().forEach((name, p) -> perPattern.put(name, pattern(p)));
    out.put("per_pattern", perPattern);
    return out;
  }

  /**
   * A model group's quality as JSON figures: {@code score} and {@code rules_score}, each as {@link
   * #quality(QualityReport)}; the same for {@code report} and {@code evaluate}.
   */
  public static Map<String, Object> modelQuality(ModelQuality q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(ScoredBy.SCORE.key(), quality(q.score()));
    out.put(ScoredBy.RULES_SCORE.key(), quality(q.rulesScore()));
    return out;
  }

  /** Threshold, decisions, precision, recall, F1 and AUC of all labelled detection decisions. */
  static Map<String, Object> overall(QualityReport q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("threshold", q.threshold());
    out.put("decisions", q.decisions());
    out.put("precision", q.precision());
    out.put("recall", q.recall());
    out.put("f1", q.f1());
    out.put("auc", finite(q.auc()));
    return out;
  }

  static Map<String, Object> confusion(ConfusionMatrix m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tp", m.truePositives());
    out.put("fp", m.falsePositives());
    out.put("tn", m.trueNegatives());
    out.put("fn", m.falseNegatives());
    return out;
  }

  static Map<String, Object> pattern(PatternQuality p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("frauds", p.frauds());
    out.put("detected", p.detected());
    out.put("precision", p.precision());
    out.put("recall", p.recall());
    out.put("f1", p.f1());
    out.put("auc", finite(p.auc()));
    return out;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
