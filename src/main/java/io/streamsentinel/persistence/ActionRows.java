package io.streamsentinel.persistence;

import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.UserAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Inserts actions by {@code action_id}, opens a review case for each MANUAL_REVIEW and
 * OPEN_INVESTIGATION action, and writes an audit entry for each manual (operator) action; all three
 * keyed so a redelivered action is a no-op.
 */
final class ActionRows {

  private static final String INSERT_ACTION =
      "INSERT INTO actions (action_id, alert_id, transaction_id, user_id, action_type, severity,"
          + " reasons, decided_at, alert_time, policy_version, actor, note)"
          + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  private static final String OPEN_CASE =
      "INSERT INTO review_cases (action_id, alert_id, kind, user_id, transaction_id, event_time,"
          + " severity, reasons, opened_at, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?) ON CONFLICT (action_id) DO NOTHING";

  private static final String AUDIT =
      "INSERT INTO audit_log (at, actor, action, subject, reason, details, source, source_id)"
          + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), 'user-actions', ?)"
          + " ON CONFLICT (source, source_id) DO NOTHING";

  private ActionRows() {}

  /** Returns the number of review cases among the actions (opened now or before). */
  static int insert(Connection c, List<SinkBatch.Row<UserAction>> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    int cases = 0;
    try (PreparedStatement actions = c.prepareStatement(INSERT_ACTION);
        PreparedStatement opens = c.prepareStatement(OPEN_CASE);
        PreparedStatement audits = c.prepareStatement(AUDIT)) {
      for (SinkBatch.Row<UserAction> row : rows) {
        UserAction a = row.value();
        addAction(actions, a);
        if (opensCase(a.actionType())) {
          addCase(opens, a);
          cases++;
        }
        if (!UserAction.RESPONDER.equals(a.actor())) {
          addAudit(audits, a);
        }
      }
      actions.executeBatch();
      opens.executeBatch();
      audits.executeBatch();
    }
    return cases;
  }

  static boolean opensCase(ActionType type) {
    return type == ActionType.MANUAL_REVIEW || type == ActionType.OPEN_INVESTIGATION;
  }

  private static void addAction(PreparedStatement ps, UserAction a) throws SQLException {
    ps.setString(1, a.actionId());
    ps.setString(2, a.alertId());
    ps.setString(3, a.transactionId());
    ps.setString(4, a.userId());
    ps.setString(5, a.actionType().wireName());
    ps.setString(6, a.severity() == null ? null : a.severity().name());
    ps.setString(7, JsonText.array(a.reasons()));
    ps.setTimestamp(8, Timestamp.from(a.decidedAt()));
    ps.setTimestamp(9, a.alertTime() == null ? null : Timestamp.from(a.alertTime()));
    ps.setString(10, a.policyVersion());
    ps.setString(11, a.actor());
    ps.setString(12, a.note());
    ps.addBatch();
  }

  private static void addCase(PreparedStatement ps, UserAction a) throws SQLException {
    ps.setString(1, a.actionId());
    ps.setString(2, a.alertId());
    ps.setString(3, a.actionType().wireName());
    ps.setString(4, a.userId());
    ps.setString(5, a.transactionId());
    ps.setTimestamp(6, a.alertTime() == null ? null : Timestamp.from(a.alertTime()));
    ps.setString(7, a.severity() == null ? null : a.severity().name());
    ps.setString(8, JsonText.array(a.reasons()));
    ps.setTimestamp(9, Timestamp.from(a.decidedAt()));
    ps.setTimestamp(10, Timestamp.from(a.decidedAt()));
    ps.addBatch();
  }

  private static void addAudit(PreparedStatement ps, UserAction a) throws SQLException {
    ps.setTimestamp(1, Timestamp.from(a.decidedAt()));
    ps.setString(2, a.actor());
    ps.setString(3, a.actionType().wireName());
    ps.setString(4, a.userId());
    ps.setString(5, a.note());
    ps.setString(
        6, JsonText.object("action_id", a.actionId(), "policy_version", a.policyVersion()));
    ps.setString(7, a.actionId());
    ps.addBatch();
  }
}
