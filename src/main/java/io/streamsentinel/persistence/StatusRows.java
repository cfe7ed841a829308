package io.streamsentinel.persistence;

import io.streamsentinel.domain.AccountState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends account-status changes to the history and keeps {@code accounts} at the latest status per
 * user (a change older than the stored one never overwrites it).
 */
final class StatusRows {

  private static final String HISTORY =
      "INSERT INTO account_status_history (user_id, status, reason, updated_at, expires_at)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  private static final String CURRENT =
      "INSERT INTO accounts (user_id, status, reason, updated_at, expires_at)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET status = EXCLUDED.status,"
          + " reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at,"
          + " expires_at = EXCLUDED.expires_at WHERE accounts.updated_at <= EXCLUDED.updated_at";

  private StatusRows() {}

  static int insert(Connection c, List<SinkBatch.Row<AccountState>> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    // One upsert per user per statement: PostgreSQL refuses to update a row twice in one command.
    Map<String, SinkBatch.Row<AccountState>> latest = new LinkedHashMap<>();
    try (PreparedStatement history = c.prepareStatement(HISTORY)) {
      for (SinkBatch.Row<AccountState> row : rows) {
        bind(history, row);
        history.addBatch();
        latest.merge(
            row.value().userId(), row, (a, b) -> updatedAt(b).isBefore(updatedAt(a)) ? a : b);
      }
      history.executeBatch();
    }
    try (PreparedStatement current = c.prepareStatement(CURRENT)) {
      for (SinkBatch.Row<AccountState> row : latest.values()) {
        bind(current, row);
        current.addBatch();
      }
      current.executeBatch();
    }
    return rows.size();
  }

  private static void bind(PreparedStatement ps, SinkBatch.Row<AccountState> row)
      throws SQLException {
    AccountState s = row.value();
    ps.setString(1, s.userId());
    ps.setString(2, s.status().wireName());
    ps.setString(3, s.reason());
    ps.setTimestamp(4, Timestamp.from(updatedAt(row)));
    ps.setTimestamp(5, s.expiresAt() == null ? null : Timestamp.from(s.expiresAt()));
  }

  /** When the status changed: as written, or else when Kafka recorded it. */
  private static Instant updatedAt(SinkBatch.Row<AccountState> row) {
    return row.value().updatedAt() != null ? row.value().updatedAt() : row.recordTime();
  }
}
