package io.streamsentinel.analytics;

import static io.streamsentinel.analytics.Decisions.fraud;
import static io.streamsentinel.analytics.Decisions.legit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.detection.quality.DetectionQuality;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

  /** 2 of 3 frauds caught, 1 false alarm among 3 legitimate decisions. */
  private static AnalyticsReport sample() {
    StatisticsTally tally = new StatisticsTally(0.5);
    tally.add(legit(0.1, "grocery", "20.00"));
    tally.add(legit(0.1, "grocery", "5.00"));
    tally.add(legit(0.6, "travel, hotels", "300.00"));
    tally.add(fraud(0.9, "card_testing", "grocery", "1.00"));
    tally.add(fraud(0.7, "card_testing", "grocery", "1.00"));
    tally.add(fraud(0.2, "account_takeover", "electronics", "900"));
    tally.addUndecodable();
    return AnalyticsReport.of(
        new AnalyticsSnapshot(
            0.5, tally.buckets(), tally.histogram(), tally.modelHistogram(), tally.counters()),
        0.5);
  }

  /**
   * Two models and the rules alone, each decision as (final score, rules' score): m1 catches both
   * frauds at 0.5 with one false alarm (ROC AUC 3/4) where its rules caught none (1/2); m2 ranks
   * its fraud first (1) where its rules do not (1/2).
   */
  private static AnalyticsReport byModels() {
    StatisticsTally tally = new StatisticsTally(0.5);
    tally.add(Decisions.scored(0.9, 0.4, "m1", true, "card_testing"));
    tally.add(Decisions.scored(0.8, 0.7, "m1", false, null));
    tally.add(Decisions.scored(0.2, 0.1, "m1", false, null));
    tally.add(Decisions.scored(0.7, 0.2, "m1", true, "account_takeover"));
    tally.add(Decisions.scored(0.6, 0.6, "m2", true, "card_testing"));
    tally.add(Decisions.scored(0.3, 0.9, "m2", false, null));
    tally.add(Decisions.scored(0.1, 0.5, "m2", false, null));
    tally.add(Decisions.scored(0.95, 0.95, null, true, null));
    tally.add(Decisions.scored(0.05, 0.05, null, false, null));
    tally.add(Decisions.scored(0.9, 0.9, "m2", null, null)); // unlabelled
    tally.add(Decisions.scored(1.0, 1.0, "m1", true, null, List.of("ACCOUNT_BLOCKED")));
    return AnalyticsReport.of(
        new AnalyticsSnapshot(
            0.5, tally.buckets(), tally.histogram(), tally.modelHistogram(), tally.counters()),
        0.5);
  }

  private static String render(ReportFormat format) throws Exception {
    return render(format, sample());
  }

  private static String render(ReportFormat format, AnalyticsReport report) throws Exception {
    StringWriter out = new StringWriter();
    format.write(report, out);
    return out.toString();
  }

  @Test
  void shouldReportEachModelNextToItsRulesOnTheSameDecisions() {
    AnalyticsReport report = byModels();

    assertThat(report.byModel()).containsOnlyKeys("m1", "m2", "rules only");
    ModelQuality m1 = report.byModel().get("m1");
    assertThat(m1.score().decisions()).isEqualTo(4);
    assertThat(m1.score().overall().positives()).isEqualTo(2);
    assertThat(m1.score().auc()).isEqualTo(0.75);
    assertThat(m1.score().precision()).isEqualTo(2.0 / 3);
    assertThat(m1.score().recall()).isEqualTo(1.0);
    assertThat(m1.rulesScore().decisions()).isEqualTo(4);
    assertThat(m1.rulesScore().auc()).isEqualTo(0.5);
    assertThat(m1.rulesScore().recall()).isZero();
    ModelQuality m2 = report.byModel().get("m2");
    assertThat(m2.score().decisions()).isEqualTo(3);
    assertThat(m2.score().overall().positives()).isEqualTo(1);
    assertThat(m2.score().auc()).isEqualTo(1.0);
    assertThat(m2.rulesScore().auc()).isEqualTo(0.5);
    ModelQuality rulesOnly = report.byModel().get("rules only");
    assertThat(rulesOnly.score().decisions()).isEqualTo(2);
    assertThat(rulesOnly.score()).isEqualTo(rulesOnly.rulesScore());
    assertThat(report.decisionsByModel()).isEqualTo(report.quality().decisions()).isEqualTo(9);

    DetectionQuality m2Rules = new DetectionQuality();
    m2Rules.add(0.6, true, "card_testing");
    m2Rules.add(0.9, false, null);
    m2Rules.add(0.5, false, null);
    assertThat(m2.rulesScore()).isEqualTo(m2Rules.report(0.5));
  }

  @Test
  void shouldWriteQualityByModelVersionInEvaluatesShape() throws Exception {
    JsonNode json = new ObjectMapper().readTree(render(ReportFormat.JSON, byModels()));

    JsonNode byModel = json.get("by_model_version");
    assertThat(fieldNames(byModel)).containsExactly("m1", "m2", "rules only");
    assertThat(fieldNames(byModel.get("m1"))).containsExactly("score", "rules_score");
    assertThat(byModel.at("/m1/score/decisions").asLong()).isEqualTo(4);
    assertThat(byModel.at("/m1/score/auc").asDouble()).isEqualTo(0.75);
    assertThat(byModel.at("/m1/rules_score/confusion_matrix/fp").asLong()).isEqualTo(1);
    assertThat(byModel.at("/m2/rules_score/auc").asDouble()).isEqualTo(0.5);
    assertThat(byModel.at("/m1/score/per_pattern/card_testing/recall").asDouble()).isEqualTo(1.0);
  }

  @Test
  void shouldWriteQualityByModelVersionAsCsvRowsAndTextTable() throws Exception {
    assertThat(render(ReportFormat.CSV, byModels()).lines())
        .contains(
            "by_model_version,score,m1,decisions,4",
            "by_model_version,score,m1,auc,0.75",
            "by_model_version,rules_score,m1,auc,0.5",
            "by_model_version,rules_score,m2,tp,1",
            "by_model_version,score,rules only,decisions,2");
    String text = render(ReportFormat.TEXT, byModels());
    assertThat(text)
        .contains("MODEL", "SCORED BY")
        .containsPattern("m1 +score +4 +2 +0\\.6667 +1\\.0000 +0\\.8000 +0\\.7500")
        .containsPattern("m1 +rules_score +4 +2 +0\\.0000 +0\\.0000 +0\\.0000 +0\\.5000")
        .containsPattern("rules only +score +2 +1 ")
        .doesNotContain("rules only     rules_score")
        .doesNotContain("counted before");
  }

  @Test
  void shouldSayWhichDecisionsPredateTheQualityByModel() throws Exception {
    AnalyticsReport report = byModels();
    AnalyticsSnapshot s = report.snapshot();
    AnalyticsReport older =
        AnalyticsReport.of(
            new AnalyticsSnapshot(
                s.alertThreshold(), s.buckets(), s.histogram(), new TreeMap<>(), s.counters()),
            0.5);

    assertThat(older.byModel()).isEmpty();
    assertThat(render(ReportFormat.TEXT, older))
        .contains("9 labelled decisions were counted before the per-model figures");
  }

  @Test
  void shouldComputeTheQualityFromTheHistogramAsEvaluateDoesFromSingleScores() {
    DetectionQuality direct = new DetectionQuality();
    for (double s : new double[] {0.1, 0.1, 0.6}) {
      direct.add(s, false, null);
    }
    direct.add(0.9, true, "card_testing");
    direct.add(0.7, true, "card_testing");
    direct.add(0.2, true, "account_takeover");

    assertThat(sample().quality()).isEqualTo(direct.report(0.5));
  }

  @Test
  void shouldWriteJsonWithSnakeCaseKeys() throws Exception {
    JsonNode json = new ObjectMapper().readTree(render(ReportFormat.JSON));

    assertThat(fieldNames(json))
        .containsExactly("alert_threshold", "totals", "dimensions", "quality", "by_model_version");
    assertThat(fieldNames(json.get("by_model_version"))).containsExactly("rules only");
    assertThat(json.at("/totals/decisions").asLong()).isEqualTo(6);
    assertThat(json.at("/totals/undecodable_records").asLong()).isEqualTo(1);
    assertThat(json.at("/totals/amount_sum").decimalValue()).isEqualByComparingTo("1227.00");
    assertThat(fieldNames(json.get("dimensions")))
        .containsExactly(
            "merchant_category", "country", "hour_of_day", "amount_bucket", "severity");
    JsonNode topCategory = json.at("/dimensions/merchant_category/0");
    assertThat(topCategory.get("bucket").asText()).isEqualTo("grocery");
    assertThat(fieldNames(topCategory))
        .contains("transactions", "labelled_fraud", "fraud_rate", "alerts", "alert_rate")
        .contains("true_alerts", "precision", "recall", "amount_sum");
    assertThat(json.at("/quality/confusion_matrix/tp").asLong()).isEqualTo(2);
    assertThat(json.at("/quality/confusion_matrix/fp").asLong()).isEqualTo(1);
    assertThat(fieldNames(json.at("/quality/per_pattern")))
        .containsExactly("account_takeover", "card_testing");
    assertThat(json.at("/quality/per_pattern/card_testing/recall").asDouble()).isEqualTo(1.0);
    // Model groups are names (values of ours in key position); the keys within each group are keys.
    ObjectNode keyed = json.deepCopy();
    List<String> keys = allKeys(keyed.remove("by_model_version").get("rules only"));
    keys.addAll(allKeys(keyed));
    for (String key : keys) {
      assertThat(key).matches("[a-z0-9_]+");
    }
  }

  @Test
  void shouldWriteOneCsvRowPerFigureAndQuoteCellsWithCommas() throws Exception {
    List<String> lines = render(ReportFormat.CSV).lines().toList();

    assertThat(lines.get(0)).isEqualTo("section,dimension,bucket,metric,value");
    assertThat(lines).contains("totals,,,decisions,6", "totals,,,alert_threshold,0.5");
    assertThat(lines)
        .contains(
            "dimension,merchant_category,grocery,transactions,4",
            "dimension,merchant_category,\"travel, hotels\",alerts,1",
            "quality,confusion_matrix,,tp,2",
            "quality,pattern,account_takeover,recall,0.0");
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.split(",", -1).length).isGreaterThanOrEqualTo(5));
  }

  @Test
  void shouldWriteAReadableTextReport() throws Exception {
    String text = render(ReportFormat.TEXT);

    assertThat(text)
        .contains("decisions 6")
        .contains("By merchant category")
        .contains("By hour of day")
        .contains("By amount bucket")
        .contains("ROC AUC")
        .contains("card_testing")
        .doesNotContain("NaN");
    assertThat(text.indexOf("0-10")).isLessThan(text.indexOf("500-1000"));
    assertThat(text.indexOf("CRITICAL")).isLessThan(text.indexOf("MINIMAL"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Every object key in the tree (bucket names are values, not keys). */
  private static List<String> allKeys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        keys.add(name);
        keys.addAll(allKeys(node.get(name)));
      }
    } else if (node.isArray()) {
      node.forEach(child -> keys.addAll(allKeys(child)));
    }
    return keys;
  }
}
