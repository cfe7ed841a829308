package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code snoozed} array of a decision: written only when a snooze applied, so every other
 * decision is byte for byte what the codec wrote before snoozes existed; read back by the summary
 * and the full reader (the sink's, the backtest's and training's).
 */
class DecisionSnoozedFieldTest {

  private static final Transaction TX = TransactionCodecTest.everyField();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * SHA-256 of {@link #decision()} and its alert as the codec wrote them before snoozes (the build
   * of commit f88b2b2).
   */
  private static final String DECISION_BEFORE_SNOOZES =
      "5cb4403280651269954cd5ab65821bcd9d17102048e9ddb7ec863aef18ec25ce";

  private static final String ALERT_BEFORE_SNOOZES =
      "c61c4a29191d2d906b463749ef39cc2396554a661d5805b3c0e208af4fe177f4";

  private static Decision decision() {
    double[] values = new double[Feature.COUNT];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 3 == 0 ? i : i / 7.0;
    }
    return new Decision(
            TX.transactionId(),
            TX.userId(),
            TX.timestamp(),
            TX.amount(),
            0.875,
            Severity.HIGH,
            List.of(
                new Reason("BURST", "9 transactions in 10 min", 0.5),
                new Reason("AMOUNT_SPIKE", "amount 12× the user's mean", 0.375)),
            FeatureVector.of(values),
            "snooze-golden-1",
            true,
            "velocity_burst")
        .withShadow(new Decision.Shadow("rules:shadow-2", 0.25));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aDecisionWithoutASnoozeShouldBeWrittenExactlyAsBefore() throws Exception {
    byte[] decision = DecisionCodec.encodeDecision(decision(), TX);
    byte[] alert = DecisionCodec.encodeAlert(decision().withSnoozed(List.of()), TX);

    assertThat(new String(decision, StandardCharsets.UTF_8)).doesNotContain("snoozed");
    assertThat(sha256(decision)).isEqualTo(DECISION_BEFORE_SNOOZES);
    assertThat(sha256(alert)).isEqualTo(ALERT_BEFORE_SNOOZES);
  }

  @Test
  void theSnoozedRulesShouldRoundTrip() throws Exception {
    Decision snoozed = decision().withSnoozed(List.of("night_owl", "velocity_burst_1m"));

    byte[] bytes = DecisionCodec.encodeAlert(snoozed, TX);
    JsonNode written = JSON.readTree(bytes);
    DecisionDocument document = DecisionDocumentReader.read(bytes);
    DecisionSummary summary = DecisionCodec.decodeSummary(bytes);

    assertThat(written.get("snoozed").isArray()).isTrue();
    assertThat(written.get("snoozed"))
        .extracting(JsonNode::textValue)
        .containsExactly("night_owl", "velocity_burst_1m");
    assertThat(document.snoozed()).containsExactly("night_owl", "velocity_burst_1m");
    assertThat(summary.snoozed()).containsExactly("night_owl", "velocity_burst_1m");
    assertThat(document.shadowVersion()).isEqualTo("rules:shadow-2");
    assertThat(document.reasonCodes()).containsExactly("BURST", "AMOUNT_SPIKE");
    assertThat(summary.score()).isEqualTo(0.875);
  }

  @Test
  void aDecisionWithoutTheFieldShouldReadAsNoneSnoozed() {
    byte[] bytes = DecisionCodec.encodeDecision(decision(), TX);

    assertThat(DecisionDocumentReader.read(bytes).snoozed()).isEmpty();
    assertThat(DecisionCodec.decodeSummary(bytes).snoozed()).isEmpty();
    String withNull =
        new String(bytes, StandardCharsets.UTF_8)
            .replace("{\"transaction_id\"", "{\"snoozed\":null,\"transaction_id\"");
    assertThat(DecisionDocumentReader.read(withNull.getBytes(StandardCharsets.UTF_8)).snoozed())
        .isEmpty();
  }

  @Test
  void aMalformedSnoozedFieldShouldBeRefusedNamingIt() {
    String good = new String(DecisionCodec.encodeDecision(decision(), TX), StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                DecisionDocumentReader.read(
                    good.replace("{\"transaction_id\"", "{\"snoozed\":[1],\"transaction_id\"")
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("snoozed[]");
    assertThatThrownBy(
            () ->
                DecisionDocumentReader.read(
                    good.replace("{\"transaction_id\"", "{\"snoozed\":\"x\",\"transaction_id\"")
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("snoozed");
    // The summary is lenient, as it is with every field it does not need.
    assertThat(
            DecisionCodec.decodeSummary(
                    good.replace(
                            "{\"transaction_id\"", "{\"snoozed\":[1,\"r\",{}],\"transaction_id\"")
                        .getBytes(StandardCharsets.UTF_8))
                .snoozed())
        .containsExactly("r");
  }
}
