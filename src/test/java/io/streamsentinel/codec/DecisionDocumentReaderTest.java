package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sink reads back everything the detector writes, reasons and features as JSON text. */
class DecisionDocumentReaderTest {

  private static final Transaction TX = TransactionCodecTest.everyField();

  private static Decision decision() {
    double[] features = new double[Feature.COUNT];
    features[Feature.HISTORY_COUNT.ordinal()] = 12;
    return new Decision(
        TX.transactionId(),
        TX.userId(),
        TX.timestamp(),
        TX.amount(),
        0.93,
        Severity.CRITICAL,
        List.of(
            new Reason("ACCOUNT_BLOCKED", "account blocked \"by ops\"", 0.6),
            new Reason("VELOCITY_1M", "7 transactions in 60 s", 0.33)),
        FeatureVector.of(features),
        "rules-3",
        true,
        "velocity_burst");
  }

  @Test
  void shouldRefuseAReasonWhoseCodeIsNullNamingTheField() {
    String json =
        new String(DecisionCodec.encodeDecision(decision(), TX), StandardCharsets.UTF_8)
            .replace("\"code\":\"VELOCITY_1M\"", "\"code\":null");
    assertThatThrownBy(() -> DecisionDocumentReader.read(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reasons[].code: expected a string but was null");
  }

  @Test
  void shouldReadEveryFieldOfAnAlert() {
    DecisionDocument doc = DecisionDocumentReader.read(DecisionCodec.encodeAlert(decision(), TX));

    assertThat(doc.alertId()).isEqualTo(DecisionCodec.alertId(TX.transactionId()));
    assertThat(doc.transactionId()).isEqualTo("tx_98765");
    assertThat(doc.eventTime()).isEqualTo(TX.timestamp());
    assertThat(doc.amount()).isEqualByComparingTo(new BigDecimal("1234.50"));
    assertThat(doc.merchant()).isEqualTo("Café \"Zum Löwen\"");
    assertThat(doc.merchantCategory()).isEqualTo("restaurants");
    assertThat(doc.country()).isEqualTo("DE");
    assertThat(doc.city()).isEqualTo("München");
    assertThat(doc.channel()).isEqualTo("card_present");
    assertThat(doc.currency()).isEqualTo("EUR");
    assertThat(doc.score()).isEqualTo(0.93);
    assertThat(doc.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(doc.reasonCodes()).containsExactly("ACCOUNT_BLOCKED", "VELOCITY_1M");
    assertThat(doc.reasonsJson())
        .startsWith("[{\"code\":\"ACCOUNT_BLOCKED\",\"detail\":\"account blocked \\\"by ops\\\"\"");
    assertThat(doc.featuresJson()).contains("\"history_count\":12");
    assertThat(doc.ruleSetVersion()).isEqualTo("rules-3");
    assertThat(doc.isFraud()).isTrue();
    assertThat(doc.fraudPattern()).isEqualTo("velocity_burst");
    assertThat(doc.isEnforcement()).isTrue();
  }

  @Test
  void shouldLeaveAlertIdEmptyForADecision() {
    DecisionDocument doc =
        DecisionDocumentReader.read(DecisionCodec.encodeDecision(decision(), TX));

    assertThat(doc.alertId()).isNull();
  }

  @Test
  void shouldNameTheMissingField() {
    byte[] noScore =
        "{\"transaction_id\":\"t\",\"user_id\":\"u\",\"event_time\":\"2026-11-25T12:00:00Z\",\"amount\":1,\"severity\":\"LOW\",\"features\":{},\"rule_set_version\":\"r\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DecisionDocumentReader.read(noScore))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score");
  }

  @Test
  void shouldNameAFieldOfTheWrongShape() {
    byte[] textAmount =
        "{\"transaction_id\":\"t\",\"amount\":\"lots\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DecisionDocumentReader.read(textAmount))
        .hasMessageContaining("amount");
  }

  @Test
  void shouldRejectSomethingThatIsNotJson() {
    assertThatThrownBy(
            () -> DecisionDocumentReader.read("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
