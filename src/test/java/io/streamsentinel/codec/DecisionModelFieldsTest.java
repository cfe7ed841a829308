package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model's part of a decision on the wire: {@code rules_score}, {@code model_score}, {@code
 * model_version} and each reason's {@code source}, written by {@link DecisionCodec} and read back
 * by {@link DecisionDocumentReader}, including records written before models.
 */
class DecisionModelFieldsTest {

  private static final Transaction TX = TransactionCodecTest.everyField();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FeatureVector features() {
    double[] values = new double[Feature.COUNT];
    values[Feature.DAILY_SPEND_RATIO.ordinal()] = 6;
    return FeatureVector.of(values);
  }

  private static Decision withModel() {
    return new Decision(
        TX.transactionId(),
        TX.userId(),
        TX.timestamp(),
        TX.amount(),
        0.95,
        Severity.CRITICAL,
        List.of(
            new Reason("BURST", "9 transactions in 10 min", 0.95),
            new Reason(
                "DAILY_SPEND_RATIO", "spent 3000 today, 6× the user's usual day", 0.5, "model"),
            new Reason("BIG_DAY", "6× the usual day", 0.0)),
        features(),
        "rules-3",
        true,
        "velocity_burst",
        0.95,
        0.123457,
        "v7");
  }

  private static Decision rulesOnly() {
    return new Decision(
        TX.transactionId(),
        TX.userId(),
        TX.timestamp(),
        TX.amount(),
        0.4,
        Severity.LOW,
        List.of(new Reason("BIG_DAY", "6× the usual day", 0.4)),
        features(),
        "rules-3",
        null,
        null);
  }

  @Test
  void shouldWriteTheModelFieldsAndReasonSources() throws Exception {
    JsonNode written = JSON.readTree(DecisionCodec.encodeDecision(withModel(), TX));

    assertThat(written.get("score").doubleValue()).isEqualTo(0.95);
    assertThat(written.get("rules_score").doubleValue()).isEqualTo(0.95);
    assertThat(written.get("model_score").doubleValue()).isEqualTo(0.123457);
    assertThat(written.get("model_version").textValue()).isEqualTo("v7");
    JsonNode reasons = written.get("reasons");
    assertThat(reasons).hasSize(3);
    assertThat(reasons.get(0).get("source").textValue()).isEqualTo("rule");
    assertThat(reasons.get(1).get("source").textValue()).isEqualTo("model");
    assertThat(reasons.get(1).get("code").textValue()).isEqualTo("DAILY_SPEND_RATIO");
    assertThat(reasons.get(1).get("contribution").doubleValue()).isEqualTo(0.5);
    assertThat(reasons.get(2).get("source").textValue()).isEqualTo("rule");
  }

  @Test
  void shouldReadTheModelFieldsBack() {
    DecisionDocument doc = DecisionDocumentReader.read(DecisionCodec.encodeAlert(withModel(), TX));

    assertThat(doc.score()).isEqualTo(0.95);
    assertThat(doc.rulesScore()).isEqualTo(0.95);
    assertThat(doc.modelScore()).isEqualTo(0.123457);
    assertThat(doc.modelVersion()).isEqualTo("v7");
    assertThat(doc.reasonCodes()).containsExactly("BURST", "DAILY_SPEND_RATIO", "BIG_DAY");
    assertThat(doc.reasonsJson())
        .contains(
            "{\"code\":\"DAILY_SPEND_RATIO\",\"detail\":\"spent 3000 today, 6× the user's usual"
                + " day\",\"contribution\":0.5,\"source\":\"model\"}");
  }

  @Test
  void shouldKeepTheRulesScoreApartFromTheScore() {
    Decision d = withModel();
    Decision lowRules =
        new Decision(
            d.transactionId(),
            d.userId(),
            d.eventTime(),
            d.amount(),
            0.8,
            Severity.HIGH,
            List.of(),
            d.features(),
            d.ruleSetVersion(),
            null,
            null,
            0.25,
            0.8,
            "v8");

    DecisionDocument doc = DecisionDocumentReader.read(DecisionCodec.encodeDecision(lowRules, TX));

    assertThat(doc.score()).isEqualTo(0.8);
    assertThat(doc.rulesScore()).isEqualTo(0.25);
    assertThat(doc.modelScore()).isEqualTo(0.8);
    assertThat(doc.modelVersion()).isEqualTo("v8");
  }

  @Test
  void shouldWriteNullModelFieldsWithoutAModel() {
    String written =
        new String(DecisionCodec.encodeDecision(rulesOnly(), TX), StandardCharsets.UTF_8);

    assertThat(written)
        .contains("\"rules_score\":0.4,\"model_score\":null,\"model_version\":null")
        .contains("\"source\":\"rule\"");
    DecisionDocument doc = DecisionDocumentReader.read(written.getBytes(StandardCharsets.UTF_8));
    assertThat(doc.modelScore()).isNull();
    assertThat(doc.modelVersion()).isNull();
    assertThat(doc.rulesScore()).isEqualTo(0.4);
  }

  @Test
  void shouldTakeTheScoreAsRulesScoreOfARecordWrittenBeforeModels() {
    byte[] old =
        ("{\"transaction_id\":\"t1\",\"user_id\":\"u1\",\"event_time\":\"2025-11-25T12:00:00Z\","
                + "\"amount\":12.5,\"score\":0.64,\"severity\":\"MEDIUM\","
                + "\"reasons\":[{\"code\":\"BIG_DAY\",\"detail\":\"6× the usual day\","
                + "\"contribution\":0.64}],\"features\":{\"history_count\":3},"
                + "\"rule_set_version\":\"default-2\"}")
            .getBytes(StandardCharsets.UTF_8);

    DecisionDocument doc = DecisionDocumentReader.read(old);

    assertThat(doc.score()).isEqualTo(0.64);
    assertThat(doc.rulesScore()).isEqualTo(0.64);
    assertThat(doc.modelScore()).isNull();
    assertThat(doc.modelVersion()).isNull();
    assertThat(doc.reasonCodes()).containsExactly("BIG_DAY");
  }

  @Test
  void shouldStillSummariseADecisionWithAModel() {
    DecisionSummary summary =
        DecisionCodec.decodeSummary(DecisionCodec.encodeAlert(withModel(), TX));

    assertThat(summary.score()).isEqualTo(0.95);
    assertThat(summary.reasonCodes()).containsExactly("BURST", "DAILY_SPEND_RATIO", "BIG_DAY");
    assertThat(summary.alertId()).isEqualTo(DecisionCodec.alertId(TX.transactionId()));
  }
}
