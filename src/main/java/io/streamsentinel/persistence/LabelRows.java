package io.streamsentinel.persistence;

import io.streamsentinel.domain.Label;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code labels} at the latest label per transaction. A label replaces the stored one only
 * when its time is strictly later: a replayed record, or an older label arriving late, changes
 * nothing, whatever order the records come in. Of two labels given at the same instant the first
 * stored stays. Labels are few (analysts, chargebacks), so a batched upsert is enough: no COPY, no
 * partitions.
 */
final class LabelRows {

  static final String UPSERT =
      "INSERT INTO labels (transaction_id, user_id, is_fraud, source, labelled_at)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (transaction_id) DO UPDATE SET"
          + " user_id = EXCLUDED.user_id, is_fraud = EXCLUDED.is_fraud, source = EXCLUDED.source,"
          + " labelled_at = EXCLUDED.labelled_at WHERE labels.labelled_at < EXCLUDED.labelled_at";

  private LabelRows() {}

  /** Upserts the labels; returns the label records handled (superseded ones included). */
  static int upsert(Connection c, List<SinkBatch.Row<Label>> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (SinkBatch.Row<Label> row : latestPerTransaction(rows)) {
        Label l = row.value();
        ps.setString(1, l.transactionId());
        ps.setString(2, l.userId());
        ps.setBoolean(3, l.fraud());
        ps.setString(4, l.source());
        ps.setTimestamp(5, Timestamp.from(labelledAt(row)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return rows.size();
  }

  /**
   * One row per transaction, the latest (the first of equals), in first-seen order: PostgreSQL
   * refuses to update a row twice in one command, and the rule must be the table's.
   */
  static Collection<SinkBatch.Row<Label>> latestPerTransaction(List<SinkBatch.Row<Label>> rows) {
    Map<String, SinkBatch.Row<Label>> latest = new LinkedHashMap<>();
    for (SinkBatch.Row<Label> row : rows) {
      latest.merge(
          row.value().transactionId(),
          row,
          (kept, next) -> labelledAt(next).isAfter(labelledAt(kept)) ? next : kept);
    }
    return latest.values();
  }

  /**
   * When the verdict was given: as written, or else when Kafka recorded the event. Cut to the
   * microseconds PostgreSQL keeps, so this class and the table compare the same instants.
   */
  static Instant labelledAt(SinkBatch.Row<Label> row) {
    Instant at = row.value().labelledAt() != null ? row.value().labelledAt() : row.recordTime();
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
