package io.streamsentinel.analytics;

import static io.streamsentinel.analytics.Decisions.fraud;
import static io.streamsentinel.analytics.Decisions.legit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.detection.quality.DetectionQuality;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

  private static String render(ReportFormat format) throws Exception {
    StringWriter out = new StringWriter();
    format.write(sample(), out);
    return out.toString();
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
        .containsExactly("alert_threshold", "totals", "dimensions", "quality");
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
    for (String key : allKeys(json)) {
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
