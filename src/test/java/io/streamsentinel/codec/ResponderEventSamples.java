package io.streamsentinel.codec;

import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.UserAction;
import java.time.Instant;
import java.util.List;

/**
 * Representative responder events and raw inputs for the byte-compatibility test of the cold-path
 * codecs: every optional field present and absent, every instant precision the JDK prints (whole
 * seconds, millis, micros, nanos), text that needs escaping, and malformed input of every shape.
 */
final class ResponderEventSamples {

  static final Instant SECONDS = Instant.parse("2026-11-25T12:00:00Z");
  static final Instant MILLIS = Instant.parse("2026-11-25T12:00:00.200Z");
  static final Instant MICROS = Instant.parse("2026-01-22T02:53:05.073095Z");
  static final Instant NANOS = Instant.parse("1999-12-31T23:59:59.999999999Z");

  private ResponderEventSamples() {}

  static List<UserAction> userActions() {
    return List.of(
        new UserAction(
            UserAction.actionId("alert-1", ActionType.BLOCK_ACCOUNT),
            "alert-1",
            "tx_42",
            "user_007",
            ActionType.BLOCK_ACCOUNT,
            Severity.CRITICAL,
            List.of("ACCOUNT_TAKEOVER", "REPEAT_OFFENDER"),
            MILLIS,
            SECONDS,
            "2026-11-25.1",
            UserAction.RESPONDER,
            "escalated from HIGH as a repeat offender"),
        UserAction.manual("user_007", ActionType.UNBLOCK_ACCOUNT, "alice", null, MICROS, "v1"),
        UserAction.manual(
            "user_ü_\"quoted\"", ActionType.BLOCK_ACCOUNT, "bob", "line1\nline2\t€", NANOS, "v1"),
        new UserAction(
            "action-x",
            "alert-2",
            null,
            "u",
            ActionType.REQUIRE_STEP_UP_AUTH,
            Severity.MEDIUM,
            List.of(),
            NANOS,
            MICROS,
            "p",
            UserAction.RESPONDER,
            null),
        new UserAction(
            "action-y",
            null,
            "tx_1",
            "u",
            ActionType.NOTIFY_FRAUD_TEAM,
            Severity.LOW,
            List.of("VELOCITY_1M"),
            Instant.EPOCH,
            null,
            "p",
            "responder",
            ""));
  }

  static List<AccountState> accountStates() {
    return List.of(
        new AccountState("user_007", AccountStatus.BLOCKED, "critical alert", MILLIS, null),
        new AccountState("u", AccountStatus.ACTIVE, null, null, null),
        new AccountState("u", AccountStatus.STEP_UP_REQUIRED, "high alert", MICROS, NANOS),
        new AccountState("user_ü", AccountStatus.ACTIVE, "unblocked: \"ok\"\n", SECONDS, SECONDS));
  }

  /** Alert records as bytes on fraud-alerts could be: well-formed, odd and malformed. */
  static List<String> alertInputs() {
    String ok =
        "\"alert_id\":\"a\",\"transaction_id\":\"t\",\"user_id\":\"u\",\"score\":0.9,"
            + "\"severity\":\"HIGH\",\"event_time\":\"2026-11-25T12:00:00Z\"";
    return List.of(
        "{" + ok + "}",
        "{"
            + ok
            + ",\"reasons\":[{\"code\":\"A\",\"detail\":\"x\",\"contribution\":0.5},{\"code\":\"B\"}]}",
        "{" + ok + ",\"amount\":12.5,\"features\":{\"a\":[1,2]},\"is_fraud\":true,\"extra\":null}",
        "{"
            + ok
            + ",\"severity\":\"high\",\"score\":1,\"event_time\":\"2026-11-25T12:00:00.123456789Z\"}",
        "{" + ok + ",\"score\":0,\"reasons\":[]}",
        "{" + ok + ",\"alert_id\":\"b\"}",
        "{" + ok + ",\"event_time\":\"2026-11-25T13:00:00+01:00\"}",
        "{" + ok + "} trailing",
        "{" + ok + ",\"alert_id\":null}",
        "{" + ok + ",\"alert_id\":7}",
        "{" + ok + ",\"alert_id\":true}",
        "{" + ok + ",\"alert_id\":{}}",
        "{" + ok + ",\"user_id\":[]}",
        "{" + ok + ",\"score\":\"0.9\"}",
        "{" + ok + ",\"score\":null}",
        "{" + ok + ",\"score\":true}",
        "{" + ok + ",\"score\":-0.1}",
        "{" + ok + ",\"score\":1.5}",
        "{" + ok + ",\"score\":{}}",
        "{" + ok + ",\"severity\":\"SEVERE\"}",
        "{" + ok + ",\"severity\":3}",
        "{" + ok + ",\"severity\":null}",
        "{" + ok + ",\"event_time\":\"noon\"}",
        "{" + ok + ",\"event_time\":17}",
        "{" + ok + ",\"event_time\":\"\"}",
        "{" + ok + ",\"event_time\":\"17\"}",
        "{" + ok + ",\"event_time\":null}",
        "{" + ok + ",\"reasons\":\"VELOCITY\"}",
        "{" + ok + ",\"reasons\":null}",
        "{" + ok + ",\"reasons\":[1]}",
        "{" + ok + ",\"reasons\":[null]}",
        "{" + ok + ",\"reasons\":[{\"detail\":\"x\"}]}",
        "{" + ok + ",\"reasons\":[{\"code\":null}]}",
        "{" + ok + ",\"reasons\":[{\"code\":5}]}",
        "{\"alert_id\":\"a\"}",
        "{}",
        "[1]",
        "\"text\"",
        "null",
        "",
        "not json",
        "{\"alert_id\":",
        "{\"alert_id\":\"a\"",
        "{\"alert_id\" \"a\"}");
  }

  /** User-action records as bytes on user-actions could be. */
  static List<String> userActionInputs() {
    String ok =
        "\"action_id\":\"x\",\"user_id\":\"u\",\"action_type\":\"MONITOR\","
            + "\"decided_at\":\"2026-11-25T12:00:00Z\",\"policy_version\":\"v\",\"actor\":\"a\"";
    return List.of(
        "{" + ok + "}",
        "{"
            + ok
            + ",\"alert_id\":\"al\",\"transaction_id\":\"t\",\"severity\":\"critical\","
            + "\"reasons\":[\"A\",\"B\"],\"alert_time\":\"2026-11-25T11:59:58.5Z\",\"note\":\"n\"}",
        "{" + ok + ",\"action_type\":\"block_account\",\"extra\":{\"x\":[1]},\"more\":null}",
        "{"
            + ok
            + ",\"alert_id\":null,\"transaction_id\":null,\"severity\":null,\"note\":null,"
            + "\"alert_time\":null}",
        "{" + ok + ",\"reasons\":[]}",
        "{" + ok + "} trailing",
        "{" + ok + ",\"action_id\":null}",
        "{" + ok + ",\"action_id\":7}",
        "{" + ok + ",\"note\":false}",
        "{" + ok + ",\"note\":[]}",
        "{" + ok + ",\"action_type\":\"FREEZE\"}",
        "{" + ok + ",\"action_type\":1}",
        "{" + ok + ",\"action_type\":null}",
        "{" + ok + ",\"severity\":\"BAD\"}",
        "{" + ok + ",\"decided_at\":\"yesterday\"}",
        "{" + ok + ",\"decided_at\":17}",
        "{" + ok + ",\"decided_at\":\"\"}",
        "{" + ok + ",\"decided_at\":\" 2026-11-25T12:00:00Z\"}",
        "{" + ok + ",\"alert_time\":1.5}",
        "{" + ok + ",\"reasons\":\"A\"}",
        "{" + ok + ",\"reasons\":null}",
        "{" + ok + ",\"reasons\":[1]}",
        "{" + ok + ",\"reasons\":[null]}",
        "{" + ok + ",\"reasons\":[[\"A\"]]}",
        "{\"decided_at\":\"yesterday\"}",
        "{}",
        "[]",
        "null",
        "",
        "not json",
        "{\"action_id\":\"x\",");
  }

  /** Account-status records as bytes on account-status could be. */
  static List<String> accountStateInputs() {
    String ok = "\"user_id\":\"u\",\"status\":\"BLOCKED\"";
    return List.of(
        "{" + ok + "}",
        "{"
            + ok
            + ",\"reason\":\"r\",\"updated_at\":\"2026-11-25T12:00:00.073095Z\","
            + "\"expires_at\":\"2026-11-25T13:00:00Z\"}",
        "{" + ok + ",\"status\":\"step_up_required\",\"extra\":[1,{\"a\":2}]}",
        "{" + ok + "} trailing",
        "{" + ok + ",\"user_id\":7}",
        "{" + ok + ",\"reason\":12.50}",
        "{" + ok + ",\"reason\":true}",
        "{" + ok + ",\"status\":\"FROZEN\"}",
        "{" + ok + ",\"status\":1}",
        "{" + ok + ",\"updated_at\":\"noon\"}",
        "{" + ok + ",\"updated_at\":17}",
        "{" + ok + ",\"expires_at\":\"\"}",
        "{\"user_id\":\"u\"}",
        "{\"status\":\"ACTIVE\"}",
        "{}",
        "[]",
        "null",
        "",
        "not json",
        "{\"user_id\":\"u\",");
  }
}
