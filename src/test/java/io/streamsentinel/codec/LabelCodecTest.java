package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.domain.Label;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LabelCodecTest {

  private static Label decode(String json) {
    return LabelCodec.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldWriteTheFieldsInOrderAndLeaveOutNulls() {
    Label label =
        new Label("tx_1", true, "user_1", Label.CHARGEBACK, Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(new String(LabelCodec.encode(label), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"transaction_id\":\"tx_1\",\"is_fraud\":true,\"user_id\":\"user_1\","
                + "\"source\":\"chargeback\",\"labelled_at\":\"2026-01-02T03:04:05Z\"}");
    assertThat(new String(LabelCodec.encode(new Label("tx_2", false, null, null, null))))
        .isEqualTo("{\"transaction_id\":\"tx_2\",\"is_fraud\":false}");
  }

  @Test
  void shouldReadWhatItWrites() {
    Label label =
        new Label(
            "tx_1", false, "user_1", Label.ANALYST, Instant.parse("2026-01-02T03:04:05.123Z"));
    assertThat(LabelCodec.decode(LabelCodec.encode(label))).isEqualTo(label);
  }

  @Test
  void shouldReadACaseResolutionAsALabelIgnoringItsOtherFields() {
    Label label =
        decode(
            "{\"feedback_id\":\"feedback-1\",\"case_id\":7,\"user_id\":\"u\",\"transaction_id\":\"t\","
                + "\"alert_id\":\"a\",\"label\":\"confirmed_fraud\",\"is_fraud\":true,"
                + "\"severity\":\"HIGH\",\"analyst\":\"ana\",\"note\":null,"
                + "\"resolved_at\":\"2026-01-02T03:04:05Z\"}");
    assertThat(label).isEqualTo(new Label("t", true, "u", null, null));
  }

  @Test
  void shouldNameTheMissingRequiredField() {
    assertThatThrownBy(() -> decode("{\"is_fraud\":true}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transaction_id");
    assertThatThrownBy(() -> decode("{\"transaction_id\":\"t\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is_fraud");
  }

  @Test
  void shouldRefuseAVerdictThatIsNotABoolean() {
    assertThatThrownBy(() -> decode("{\"transaction_id\":\"t\",\"is_fraud\":\"yes\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is_fraud");
    assertThatThrownBy(() -> decode("{\"transaction_id\":\"t\",\"is_fraud\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is_fraud");
  }

  @Test
  void shouldRefuseBadIdsTimesAndNonJson() {
    assertThatThrownBy(() -> decode("{\"transaction_id\":\" \",\"is_fraud\":true}"))
        .hasMessageContaining("transaction_id");
    assertThatThrownBy(
            () -> decode("{\"transaction_id\":\"" + "x".repeat(129) + "\",\"is_fraud\":true}"))
        .hasMessageContaining("transaction_id");
    assertThatThrownBy(
            () ->
                decode(
                    "{\"transaction_id\":\"t\",\"is_fraud\":true,\"labelled_at\":\"yesterday\"}"))
        .hasMessageContaining("labelled_at");
    assertThatThrownBy(() -> decode("not json")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LabelCodec.decode(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
