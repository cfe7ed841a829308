package io.streamsentinel.persistence;

import io.streamsentinel.codec.DecisionDocument;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Inserts alerts by {@code alert_id}; a redelivered alert is a no-op. Returns the rows written (the
 * driver does not report per-row counts for rewritten batches).
 */
final class AlertRows {

  private static final String INSERT =
      "INSERT INTO alerts (alert_id, transaction_id, event_time, user_id, amount, score, severity,"
          + " reasons, is_fraud, fraud_pattern, alerted_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?) ON CONFLICT DO NOTHING";

  private AlertRows() {}

  static int insert(Connection c, List<SinkBatch.Row<DecisionDocument>> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (SinkBatch.Row<DecisionDocument> row : rows) {
        DecisionDocument a = row.value();
        ps.setString(1, a.alertId());
        ps.setString(2, a.transactionId());
        ps.setTimestamp(3, Timestamp.from(a.eventTime()));
        ps.setString(4, a.userId());
        ps.setBigDecimal(5, a.amount());
        ps.setDouble(6, a.score());
        ps.setString(7, a.severity().name());
        ps.setString(8, a.reasonsJson());
        ps.setObject(9, a.isFraud());
        ps.setString(10, a.fraudPattern());
        ps.setTimestamp(11, Timestamp.from(row.recordTime()));
        ps.addBatch();
      }
      ps.executeBatch();
      return rows.size();
    }
  }
}
