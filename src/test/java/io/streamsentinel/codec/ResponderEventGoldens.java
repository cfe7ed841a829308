package io.streamsentinel.codec;

import java.util.List;

/**
 * What the hand-written streaming codecs (before databind, commit 71862488) wrote and read for
 * {@link ResponderEventSamples}, in the same order: the encoded JSON verbatim, and for each raw
 * input either {@code OK <the decoded record>} or {@code ERR <exception> <message>}.
 */
final class ResponderEventGoldens {

  private ResponderEventGoldens() {}

  static final List<String> USER_ACTIONS_ENCODED =
      List.of(
          "{\"action_id\":\"action-1f982841-c980-3c51-bcac-c50d074022f0\",\"alert_id\":\"alert-1\",\"transaction_id\":\"tx_42\",\"user_id\":\"user_007\",\"action_type\":\"BLOCK_ACCOUNT\",\"severity\":\"CRITICAL\",\"reasons\":[\"ACCOUNT_TAKEOVER\",\"REPEAT_OFFENDER\"],\"decided_at\":\"2026-11-25T12:00:00.200Z\",\"alert_time\":\"2026-11-25T12:00:00Z\",\"policy_version\":\"2026-11-25.1\",\"actor\":\"responder\",\"note\":\"escalated from HIGH as a repeat offender\"}",
          "{\"action_id\":\"action-ba80c771-9f19-3421-96ba-97a2374abc32\",\"user_id\":\"user_007\",\"action_type\":\"UNBLOCK_ACCOUNT\",\"reasons\":[\"MANUAL_OVERRIDE\"],\"decided_at\":\"2026-01-22T02:53:05.073095Z\",\"policy_version\":\"v1\",\"actor\":\"alice\"}",
          "{\"action_id\":\"action-934caa80-0efe-3ab0-a556-5cf2f54dcbe3\",\"user_id\":\"user_\u00fc_\\\"quoted\\\"\",\"action_type\":\"BLOCK_ACCOUNT\",\"reasons\":[\"MANUAL_OVERRIDE\"],\"decided_at\":\"1999-12-31T23:59:59.999999999Z\",\"policy_version\":\"v1\",\"actor\":\"bob\",\"note\":\"line1\\nline2\\t\u20ac\"}",
          "{\"action_id\":\"action-x\",\"alert_id\":\"alert-2\",\"user_id\":\"u\",\"action_type\":\"REQUIRE_STEP_UP_AUTH\",\"severity\":\"MEDIUM\",\"reasons\":[],\"decided_at\":\"1999-12-31T23:59:59.999999999Z\",\"alert_time\":\"2026-01-22T02:53:05.073095Z\",\"policy_version\":\"p\",\"actor\":\"responder\"}",
          "{\"action_id\":\"action-y\",\"transaction_id\":\"tx_1\",\"user_id\":\"u\",\"action_type\":\"NOTIFY_FRAUD_TEAM\",\"severity\":\"LOW\",\"reasons\":[\"VELOCITY_1M\"],\"decided_at\":\"1970-01-01T00:00:00Z\",\"policy_version\":\"p\",\"actor\":\"responder\",\"note\":\"\"}");

  static final List<String> ACCOUNT_STATES_ENCODED =
      List.of(
          "{\"user_id\":\"user_007\",\"status\":\"BLOCKED\",\"reason\":\"critical alert\",\"updated_at\":\"2026-11-25T12:00:00.200Z\"}",
          "{\"user_id\":\"u\",\"status\":\"ACTIVE\"}",
          "{\"user_id\":\"u\",\"status\":\"STEP_UP_REQUIRED\",\"reason\":\"high alert\",\"updated_at\":\"2026-01-22T02:53:05.073095Z\",\"expires_at\":\"1999-12-31T23:59:59.999999999Z\"}",
          "{\"user_id\":\"user_\u00fc\",\"status\":\"ACTIVE\",\"reason\":\"unblocked: \\\"ok\\\"\\n\",\"updated_at\":\"2026-11-25T12:00:00Z\",\"expires_at\":\"2026-11-25T12:00:00Z\"}");

  static final List<String> ALERTS_DECODED =
      List.of(
          "OK Alert[alertId=a, transactionId=t, userId=u, severity=HIGH, score=0.9, reasonCodes=[], eventTime=2026-11-25T12:00:00Z]",
          "OK Alert[alertId=a, transactionId=t, userId=u, severity=HIGH, score=0.9, reasonCodes=[A, B], eventTime=2026-11-25T12:00:00Z]",
          "OK Alert[alertId=a, transactionId=t, userId=u, severity=HIGH, score=0.9, reasonCodes=[], eventTime=2026-11-25T12:00:00Z]",
          "OK Alert[alertId=a, transactionId=t, userId=u, severity=HIGH, score=1.0, reasonCodes=[], eventTime=2026-11-25T12:00:00.123456789Z]",
          "OK Alert[alertId=a, transactionId=t, userId=u, severity=HIGH, score=0.0, reasonCodes=[], eventTime=2026-11-25T12:00:00Z]",
          "OK Alert[alertId=b, transactionId=t, userId=u, severity=HIGH, score=0.9, reasonCodes=[], eventTime=2026-11-25T12:00:00Z]",
          "OK Alert[alertId=a, transactionId=t, userId=u, severity=HIGH, score=0.9, reasonCodes=[], eventTime=2026-11-25T12:00:00Z]",
          "OK Alert[alertId=a, transactionId=t, userId=u, severity=HIGH, score=0.9, reasonCodes=[], eventTime=2026-11-25T12:00:00Z]",
          "ERR IllegalArgumentException alert_id: required in an alert",
          "ERR IllegalArgumentException alert_id: expected a string but was a number",
          "ERR IllegalArgumentException alert_id: expected a string but was a boolean",
          "ERR IllegalArgumentException alert_id: expected a string but was an object",
          "ERR IllegalArgumentException user_id: expected a string but was an array",
          "ERR IllegalArgumentException score: expected a number but was a string",
          "ERR IllegalArgumentException score: expected a number but was null",
          "ERR IllegalArgumentException score: expected a number but was a boolean",
          "ERR IllegalArgumentException score: must be in [0, 1] but was -0.1",
          "ERR IllegalArgumentException score: must be in [0, 1] but was 1.5",
          "ERR IllegalArgumentException score: expected a number but was an object",
          "ERR IllegalArgumentException severity: unknown severity 'SEVERE'",
          "ERR IllegalArgumentException severity: expected a string but was a number",
          "ERR IllegalArgumentException severity: required in an alert",
          "ERR IllegalArgumentException event_time: cannot parse 'noon' (expected ISO-8601 like 2026-11-25T12:00:00Z)",
          "ERR IllegalArgumentException event_time: expected a string but was a number",
          "ERR IllegalArgumentException event_time: cannot parse '' (expected ISO-8601 like 2026-11-25T12:00:00Z)",
          "ERR IllegalArgumentException event_time: cannot parse '17' (expected ISO-8601 like 2026-11-25T12:00:00Z)",
          "ERR IllegalArgumentException event_time: required in an alert",
          "ERR IllegalArgumentException reasons: expected an array but was a string",
          "ERR IllegalArgumentException reasons: expected an array but was null",
          "ERR IllegalArgumentException reasons[]: expected an object but was a number",
          "ERR IllegalArgumentException reasons[]: expected an object but was null",
          "ERR IllegalArgumentException reasons[].code: required in an alert",
          "ERR IllegalArgumentException reasons[].code: required in an alert",
          "ERR IllegalArgumentException reasons[].code: expected a string but was a number",
          "ERR IllegalArgumentException transaction_id: required in an alert",
          "ERR IllegalArgumentException alert_id: required in an alert",
          "ERR IllegalArgumentException an alert must be a JSON object",
          "ERR IllegalArgumentException an alert must be a JSON object",
          "ERR IllegalArgumentException an alert must be a JSON object",
          "ERR IllegalArgumentException an alert must be a JSON object",
          "ERR IllegalArgumentException an alert is not valid JSON: Unrecognized token 'not': was expecting a JSON value at line 1, column 1",
          "ERR IllegalArgumentException an alert is not valid JSON: Unexpected end-of-input within/between Object entries at line 1, column 13",
          "ERR IllegalArgumentException an alert is not valid JSON: Unexpected end-of-input: expected close marker for Object at line 1, column 16",
          "ERR IllegalArgumentException an alert is not valid JSON: Unexpected character ('\"' (code 34)): was expecting a colon to separate field name and value at line 1, column 13");

  static final List<String> USER_ACTIONS_DECODED =
      List.of(
          "OK UserAction[actionId=x, alertId=null, transactionId=null, userId=u, actionType=MONITOR, severity=null, reasons=[], decidedAt=2026-11-25T12:00:00Z, alertTime=null, policyVersion=v, actor=a, note=null]",
          "OK UserAction[actionId=x, alertId=al, transactionId=t, userId=u, actionType=MONITOR, severity=CRITICAL, reasons=[A, B], decidedAt=2026-11-25T12:00:00Z, alertTime=2026-11-25T11:59:58.500Z, policyVersion=v, actor=a, note=n]",
          "OK UserAction[actionId=x, alertId=null, transactionId=null, userId=u, actionType=BLOCK_ACCOUNT, severity=null, reasons=[], decidedAt=2026-11-25T12:00:00Z, alertTime=null, policyVersion=v, actor=a, note=null]",
          "OK UserAction[actionId=x, alertId=null, transactionId=null, userId=u, actionType=MONITOR, severity=null, reasons=[], decidedAt=2026-11-25T12:00:00Z, alertTime=null, policyVersion=v, actor=a, note=null]",
          "OK UserAction[actionId=x, alertId=null, transactionId=null, userId=u, actionType=MONITOR, severity=null, reasons=[], decidedAt=2026-11-25T12:00:00Z, alertTime=null, policyVersion=v, actor=a, note=null]",
          "OK UserAction[actionId=x, alertId=null, transactionId=null, userId=u, actionType=MONITOR, severity=null, reasons=[], decidedAt=2026-11-25T12:00:00Z, alertTime=null, policyVersion=v, actor=a, note=null]",
          "ERR IllegalArgumentException action_id: required in a user action",
          "ERR IllegalArgumentException action_id: expected a string but was a number",
          "ERR IllegalArgumentException note: expected a string but was a boolean",
          "ERR IllegalArgumentException note: expected a string but was an array",
          "ERR IllegalArgumentException action_type: unknown action type 'FREEZE'",
          "ERR IllegalArgumentException action_type: expected a string but was a number",
          "ERR IllegalArgumentException action_type: required in a user action",
          "ERR IllegalArgumentException severity: unknown severity 'BAD'",
          "ERR IllegalArgumentException decided_at: cannot parse 'yesterday' (expected ISO-8601 like 2026-11-25T12:00:00Z)",
          "ERR IllegalArgumentException decided_at: expected a string but was a number",
          "ERR IllegalArgumentException decided_at: cannot parse '' (expected ISO-8601 like 2026-11-25T12:00:00Z)",
          "ERR IllegalArgumentException decided_at: cannot parse ' 2026-11-25T12:00:00Z' (expected ISO-8601 like 2026-11-25T12:00:00Z)",
          "ERR IllegalArgumentException alert_time: expected a string but was a number",
          "ERR IllegalArgumentException reasons: expected an array but was a string",
          "ERR IllegalArgumentException reasons: expected an array but was null",
          "ERR IllegalArgumentException reasons[]: expected a string but was a number",
          "ERR IllegalArgumentException reasons[]: expected a string but was null",
          "ERR IllegalArgumentException reasons[]: expected a string but was an array",
          "ERR IllegalArgumentException decided_at: cannot parse 'yesterday' (expected ISO-8601 like 2026-11-25T12:00:00Z)",
          "ERR IllegalArgumentException action_id: required in a user action",
          "ERR IllegalArgumentException a user action must be a JSON object",
          "ERR IllegalArgumentException a user action must be a JSON object",
          "ERR IllegalArgumentException a user action must be a JSON object",
          "ERR IllegalArgumentException a user action is not valid JSON: Unrecognized token 'not': was expecting a JSON value at line 1, column 1",
          "ERR IllegalArgumentException a user action is not valid JSON: Unexpected end-of-input within/between Object entries at line 1, column 18");

  static final List<String> ACCOUNT_STATES_DECODED =
      List.of(
          "OK AccountState[userId=u, status=BLOCKED, reason=null, updatedAt=null, expiresAt=null]",
          "OK AccountState[userId=u, status=BLOCKED, reason=r, updatedAt=2026-11-25T12:00:00.073095Z, expiresAt=2026-11-25T13:00:00Z]",
          "OK AccountState[userId=u, status=STEP_UP_REQUIRED, reason=null, updatedAt=null, expiresAt=null]",
          "OK AccountState[userId=u, status=BLOCKED, reason=null, updatedAt=null, expiresAt=null]",
          "OK AccountState[userId=7, status=BLOCKED, reason=null, updatedAt=null, expiresAt=null]",
          "OK AccountState[userId=u, status=BLOCKED, reason=12.50, updatedAt=null, expiresAt=null]",
          "OK AccountState[userId=u, status=BLOCKED, reason=true, updatedAt=null, expiresAt=null]",
          "ERR IllegalArgumentException unknown account status 'FROZEN' (expected ACTIVE, STEP_UP_REQUIRED or BLOCKED)",
          "ERR IllegalArgumentException unknown account status '1' (expected ACTIVE, STEP_UP_REQUIRED or BLOCKED)",
          "ERR IllegalArgumentException updated_at: cannot parse 'noon'",
          "ERR IllegalArgumentException updated_at: cannot parse '17'",
          "ERR IllegalArgumentException expires_at: cannot parse ''",
          "ERR IllegalArgumentException account status needs user_id and status",
          "ERR IllegalArgumentException account status needs user_id and status",
          "ERR IllegalArgumentException account status needs user_id and status",
          "ERR IllegalArgumentException account status must be a JSON object",
          "ERR IllegalArgumentException account status must be a JSON object",
          "ERR IllegalArgumentException account status must be a JSON object",
          "ERR IllegalArgumentException account status is not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]",
          "ERR IllegalArgumentException account status is not valid JSON: Unexpected end-of-input within/between Object entries\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 16]");
}
