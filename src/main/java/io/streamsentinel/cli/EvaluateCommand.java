package io.streamsentinel.cli;

import io.streamsentinel.analytics.DecisionEvaluation;
import io.streamsentinel.analytics.ModelQuality;
import io.streamsentinel.analytics.ReportFigures;
import io.streamsentinel.codec.Json;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.quality.ConfusionMatrix;
import io.streamsentinel.detection.quality.DetectionQuality;
import io.streamsentinel.detection.quality.PatternQuality;
import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentinel evaluate}: detection quality of the decisions in fraud-scores against the
 * generator's labels.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Reads every committed decision in fraud-scores and reports precision, recall and F1 at the alert"
          + " threshold, overall and per fraud_pattern, the confusion matrix and ROC AUC of the score against the"
          + " ground-truth labels the generator attached (decisions without labels are skipped and counted).",
      "Decisions on accounts already blocked (reason ACCOUNT_BLOCKED) are enforcement of an earlier decision, not"
          + " detection, and are left out and counted."
    })
final class EvaluateCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--from-start",
      description = "Accepted for clarity: evaluation always reads fraud-scores from its start.")
  boolean fromStart;

  @Option(
      names = "--threshold",
      paramLabel = "S",
      defaultValue = "" + Decision.DEFAULT_ALERT_THRESHOLD,
      description = "Alert threshold to evaluate at (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  EvaluateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    ClientConfigFactory clients = kafka.config().clients();
    // Progress goes to stderr: stdout carries the figures, which scripts read.
    ReadProgress progress =
        new ReadProgress(
            "reading " + TopicCatalog.FRAUD_SCORES,
            Map.of(),
            endOffsets(clients),
            context.err(),
            System::nanoTime);
    DecisionEvaluation evaluation = DecisionEvaluation.read(clients, progress::read);
    DetectionQuality quality = evaluation.quality();
    long read = evaluation.read();
    if (quality.count() == 0) {
      context.err().printf("evaluate: no labelled decisions in fraud-scores (%,d read)%n", read);
      return 1;
    }
    QualityReport report = quality.report(threshold);
    print(report, evaluation.unlabelled(), evaluation.enforcement());
    printByModel(evaluation);
    if (evaluation.undecodable() > 0) {
      context
          .out()
          .printf(
              "%,d records in fraud-scores were not decisions and were skipped%n",
              evaluation.undecodable());
    }
    if (json != null) {
      Map<String, Object> figures = new LinkedHashMap<>(ReportFigures.quality(report));
      figures.put("blocked_account_decisions", evaluation.enforcement());
      Map<String, Object> byModel = new LinkedHashMap<>();
      evaluation
          .byModel()
          .forEach(
              (group, q) ->
                  byModel.put(
                      group,
                      ReportFigures.modelQuality(
                          new ModelQuality(
                              q.report(threshold),
                              evaluation.rulesByModel().get(group).report(threshold)))));
      figures.put("by_model_version", byModel);
      figures.put("undecodable_records", evaluation.undecodable());
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), figures);
      context.out().println("Written to " + json);
    }
    return 0;
  }

  private static Map<TopicPartition, Long> endOffsets(ClientConfigFactory clients)
      throws InterruptedException {
    try (Admin admin = Admin.create(clients.admin(ClientCatalog.EVALUATE).toProperties())) {
      return TopicOffsets.endOffsets(admin, List.of(TopicCatalog.FRAUD_SCORES));
    }
  }

  /**
   * Quality per model in force, each next to the rules' own score on exactly the same decisions:
   * how much the model adds where it scored.
   */
  private void printByModel(DecisionEvaluation evaluation) {
    context
        .out()
        .printf(
            Locale.ROOT,
            "%n%-14s %-12s %10s %8s %9s %8s %8s %8s%n",
            "MODEL",
            "SCORED BY",
            "DECISIONS",
            "FRAUDS",
            "PRECISION",
            "RECALL",
            "F1",
            "ROC AUC");
    evaluation
        .byModel()
        .forEach(
            (group, q) -> {
              row(group, "score", q.report(threshold));
              if (!group.equals(DecisionEvaluation.RULES_ONLY)) {
                row(group, "rules_score", evaluation.rulesByModel().get(group).report(threshold));
              }
            });
  }

  private void row(String group, String scoredBy, QualityReport r) {
    context
        .out()
        .printf(
            Locale.ROOT,
            "%-14s %-12s %,10d %,8d %9.4f %8.4f %8.4f %8.4f%n",
            group,
            scoredBy,
            r.decisions(),
            r.overall().positives(),
            r.precision(),
            r.recall(),
            r.f1(),
            r.auc());
  }

  private void print(QualityReport r, long unlabelled, long enforcement) {
    ConfusionMatrix m = r.overall();
    context
        .out()
        .printf(
            Locale.ROOT,
            "%,d decisions (%,d unlabelled and %,d on blocked accounts left out), threshold %.2f%n"
                + "precision %.4f  recall %.4f  F1 %.4f  ROC AUC %.4f%n"
                + "confusion matrix: TP %,d  FP %,d  TN %,d  FN %,d%n%n"
                + "%-26s %8s %8s %8s %8s%n",
            r.decisions(),
            unlabelled,
            enforcement,
            r.threshold(),
            r.precision(),
            r.recall(),
            r.f1(),
            r.auc(),
            m.truePositives(),
            m.falsePositives(),
            m.trueNegatives(),
            m.falseNegatives(),
            "PATTERN",
            "FRAUDS",
            "DETECTED",
            "RECALL",
            "AUC");
    for (PatternQuality p : r.perPattern().values()) {
      context
          .out()
          .printf(
              Locale.ROOT,
              "%-26s %,8d %,8d %8.4f %8.4f%n",
              p.pattern(),
              p.frauds(),
              p.detected(),
              p.recall(),
              p.auc());
    }
  }
}
