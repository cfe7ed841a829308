package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.UserAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserActionCodecTest {

  private static final Instant DECIDED = Instant.parse("2026-11-25T12:00:00.200Z");

  private static final UserAction BLOCK =
      new UserAction(
          UserAction.actionId("alert-1", ActionType.BLOCK_ACCOUNT),
          "alert-1",
          "tx_42",
          "user_007",
          ActionType.BLOCK_ACCOUNT,
          Severity.CRITICAL,
          List.of("ACCOUNT_TAKEOVER", "REPEAT_OFFENDER"),
          DECIDED,
          DECIDED.minusSeconds(2),
          "2026-11-25.1",
          UserAction.RESPONDER,
          "escalated from HIGH as a repeat offender");

  @Test
  void shouldRoundTripAnActionOfTheResponder() {
    assertThat(UserActionCodec.decode(UserActionCodec.encode(BLOCK))).isEqualTo(BLOCK);
  }

  @Test
  void shouldRoundTripAManualActionWithItsNullFields() {
    UserAction unblock =
        UserAction.manual(
            "user_007", ActionType.UNBLOCK_ACCOUNT, "alice", null, DECIDED, "2026-11-25.1");

    assertThat(UserActionCodec.decode(UserActionCodec.encode(unblock))).isEqualTo(unblock);
  }

  @Test
  void shouldWriteSnakeCaseFieldsAndLeaveNullsOut() {
    String json = new String(UserActionCodec.encode(BLOCK), StandardCharsets.UTF_8);

    assertThat(json)
        .startsWith("{\"action_id\":\"action-")
        .contains(
            "\"alert_id\":\"alert-1\"",
            "\"transaction_id\":\"tx_42\"",
            "\"user_id\":\"user_007\"",
            "\"action_type\":\"BLOCK_ACCOUNT\"",
            "\"severity\":\"CRITICAL\"",
            "\"reasons\":[\"ACCOUNT_TAKEOVER\",\"REPEAT_OFFENDER\"]",
            "\"decided_at\":\"2026-11-25T12:00:00.200Z\"",
            "\"policy_version\":\"2026-11-25.1\"",
            "\"actor\":\"responder\"",
            "\"note\":");
    String manual =
        new String(
            UserActionCodec.encode(
                UserAction.manual("u", ActionType.BLOCK_ACCOUNT, "bob", null, DECIDED, "v")),
            StandardCharsets.UTF_8);
    assertThat(manual).doesNotContain("alert_id", "transaction_id", "severity", "note", "null");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"user_id\":\"u\",\"action_type\":\"MONITOR\",\"decided_at\":\"2026-11-25T12:00:00Z\",\"policy_version\":\"v\",\"actor\":\"a\"} | action_id",
        "{\"action_id\":\"x\",\"action_type\":\"MONITOR\",\"decided_at\":\"2026-11-25T12:00:00Z\",\"policy_version\":\"v\",\"actor\":\"a\"} | user_id",
        "{\"action_id\":\"x\",\"user_id\":\"u\",\"decided_at\":\"2026-11-25T12:00:00Z\",\"policy_version\":\"v\",\"actor\":\"a\"} | action_type",
        "{\"action_id\":\"x\",\"user_id\":\"u\",\"action_type\":\"MONITOR\",\"policy_version\":\"v\",\"actor\":\"a\"} | decided_at",
        "{\"action_id\":\"x\",\"user_id\":\"u\",\"action_type\":\"MONITOR\",\"decided_at\":\"2026-11-25T12:00:00Z\",\"actor\":\"a\"} | policy_version",
        "{\"action_id\":\"x\",\"user_id\":\"u\",\"action_type\":\"MONITOR\",\"decided_at\":\"2026-11-25T12:00:00Z\",\"policy_version\":\"v\"} | actor",
        "{\"action_type\":\"FREEZE\"} | action_type",
        "{\"severity\":\"BAD\"} | severity",
        "{\"decided_at\":\"yesterday\"} | decided_at",
        "{\"decided_at\":17} | decided_at",
        "{\"reasons\":\"A\"} | reasons",
        "{\"reasons\":[1]} | reasons[]"
      })
  void shouldNameTheFieldThatIsMissingOrMalformed(String json, String field) {
    assertThatThrownBy(() -> UserActionCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + ":");
  }

  @Test
  void shouldRejectBytesThatAreNotJson() {
    assertThatThrownBy(() -> UserActionCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user action");
  }
}
