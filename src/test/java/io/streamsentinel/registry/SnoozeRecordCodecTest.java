package io.streamsentinel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.detection.Snooze;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A {@code fraud-rule-snoozes} record: every field written and read back, bad ones named. */
class SnoozeRecordCodecTest {

  private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSnoozeShouldRoundTripWithAndWithoutACard() {
    Snooze user = new Snooze("big", "user_7", null, T.plusSeconds(60), "travel", "anna", T);
    Snooze card = new Snooze("burst", "user_7", "0042", T.plusMillis(1), "test charges", "bob", T);

    assertThat(SnoozeRecordCodec.decode(SnoozeRecordCodec.encode(user))).isEqualTo(user);
    assertThat(SnoozeRecordCodec.decode(SnoozeRecordCodec.encode(card))).isEqualTo(card);
    assertThat(new String(SnoozeRecordCodec.encode(user), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"rule\":\"big\",\"user_id\":\"user_7\",\"until\":\"2026-12-04T10:01:00Z\","
                + "\"reason\":\"travel\",\"operator\":\"anna\","
                + "\"created_at\":\"2026-12-04T10:00:00Z\"}");
    assertThat(new String(SnoozeRecordCodec.encode(card), StandardCharsets.UTF_8))
        .contains("\"card_last4\":\"0042\"");
  }

  @Test
  void aRecordThatIsNotASnoozeShouldBeRefusedNamingWhy() {
    String ok =
        "\"rule\":\"big\",\"user_id\":\"u\",\"until\":\"2026-12-04T10:01:00Z\","
            + "\"reason\":\"r\",\"operator\":\"o\",\"created_at\":\"2026-12-04T10:00:00Z\"";

    assertThatThrownBy(() -> SnoozeRecordCodec.decode(null)).hasMessageContaining("no value");
    assertThatThrownBy(() -> SnoozeRecordCodec.decode(utf8("[1]")))
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(
            () -> SnoozeRecordCodec.decode(utf8("{" + ok.replace("\"rule\"", "\"x\"") + "}")))
        .hasMessageContaining("needs rule");
    assertThatThrownBy(
            () ->
                SnoozeRecordCodec.decode(
                    utf8("{" + ok.replace("2026-12-04T10:01:00Z", "tomorrow") + "}")))
        .hasMessageContaining("until must be an ISO-8601 instant but was 'tomorrow'");
    assertThatThrownBy(() -> SnoozeRecordCodec.decode(utf8("{" + ok + ",\"card_last4\":42}")))
        .as("a card that is not a string must not widen the snooze to every card")
        .hasMessageContaining("card_last4 must be a string");
    assertThatThrownBy(
            () -> SnoozeRecordCodec.decode(utf8("{" + ok + ",\"card_last4\":\"123456789\"}")))
        .hasMessageContaining("card must be the last 4 digits")
        .hasMessageNotContaining("123456789");
  }
}
