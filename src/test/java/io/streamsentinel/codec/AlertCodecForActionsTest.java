package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.domain.Alert;
import io.streamsentinel.domain.Severity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link AlertCodec} reads the alerts {@link DecisionCodec#encodeAlert} writes, for the policy. */
class AlertCodecForActionsTest {

  private static final Instant NOON = Instant.parse("2026-11-25T12:00:00.123Z");

  private static final Decision DECISION =
      new Decision(
          "tx_42",
          "user_007",
          NOON,
          new BigDecimal("1999.99"),
          0.93,
          Severity.CRITICAL,
          List.of(
              new Reason("ACCOUNT_TAKEOVER", "new device, far away", 0.6),
              new Reason("VELOCITY_1M", "7 transactions in 60 s", 0.33)),
          FeatureVector.of(new double[Feature.COUNT]),
          "rules-3",
          true,
          "account_takeover");

  @Test
  void shouldReadWhatTheDetectorWritesToFraudAlerts() {
    Alert alert =
        AlertCodec.decode(DecisionCodec.encodeAlert(DECISION, TransactionCodecTest.everyField()));

    assertThat(alert)
        .isEqualTo(
            new Alert(
                DecisionCodec.alertId("tx_42"),
                "tx_42",
                "user_007",
                Severity.CRITICAL,
                0.93,
                List.of("ACCOUNT_TAKEOVER", "VELOCITY_1M"),
                NOON));
  }

  @Test
  void shouldRejectADecisionWithoutAnAlertId() {
    assertThatThrownBy(
            () ->
                AlertCodec.decode(
                    DecisionCodec.encodeDecision(DECISION, TransactionCodecTest.everyField())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alert_id");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"alert_id\":\"a\",\"user_id\":\"u\",\"score\":0.9,\"severity\":\"HIGH\",\"event_time\":\"2026-11-25T12:00:00Z\"} | transaction_id",
        "{\"alert_id\":\"a\",\"transaction_id\":\"t\",\"score\":0.9,\"severity\":\"HIGH\",\"event_time\":\"2026-11-25T12:00:00Z\"} | user_id",
        "{\"alert_id\":\"a\",\"transaction_id\":\"t\",\"user_id\":\"u\",\"score\":\"high\",\"severity\":\"HIGH\"} | score",
        "{\"alert_id\":\"a\",\"transaction_id\":\"t\",\"user_id\":\"u\",\"score\":1.5,\"severity\":\"HIGH\",\"event_time\":\"2026-11-25T12:00:00Z\"} | score",
        "{\"alert_id\":\"a\",\"transaction_id\":\"t\",\"user_id\":\"u\",\"score\":0.9,\"severity\":\"SEVERE\"} | severity",
        "{\"alert_id\":\"a\",\"transaction_id\":\"t\",\"user_id\":\"u\",\"score\":0.9,\"severity\":\"HIGH\",\"event_time\":\"noon\"} | event_time",
        "{\"alert_id\":\"a\",\"transaction_id\":\"t\",\"user_id\":\"u\",\"score\":0.9,\"severity\":\"HIGH\"} | event_time",
        "{\"alert_id\":\"a\",\"reasons\":\"VELOCITY\"} | reasons",
        "{\"alert_id\":\"a\",\"reasons\":[{\"detail\":\"x\"}]} | reasons[].code",
        "{\"alert_id\":7} | alert_id"
      })
  void shouldNameTheFieldThatIsMissingOrMalformed(String json, String field) {
    assertThatThrownBy(() -> AlertCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + ":");
  }

  @Test
  void shouldRejectBytesThatAreNotAJsonObject() {
    assertThatThrownBy(() -> AlertCodec.decode("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> AlertCodec.decode("{\"alert_id\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
  }
}
