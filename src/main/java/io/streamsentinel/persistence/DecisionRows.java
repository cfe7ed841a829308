package io.streamsentinel.persistence;

import io.streamsentinel.codec.DecisionDocument;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes decisions with {@code COPY}, PostgreSQL's bulk load, keeping a redelivered decision a
 * no-op.
 */
final class DecisionRows {

  private static final String COLUMNS =
      "transaction_id, event_time, user_id, amount, currency, merchant, merchant_category, country,"
          + " city, channel, score, severity, reasons, features, rule_set_version, is_fraud,"
          + " fraud_pattern, decided_at";

  /** SQLSTATE of a duplicate key. */
  private static final String UNIQUE_VIOLATION = "23505";

  private DecisionRows() {}

  /**
   * Inserts the rows not stored yet, inside the caller's transaction; returns how many were new.
   *
   * <p>First try: COPY straight into {@code decisions}, the fast path of a batch never seen before.
   * If any row is already there (a redelivery), COPY fails as a whole, the savepoint undoes it, and
   * the rows go through a staging table and {@code INSERT ... ON CONFLICT DO NOTHING} instead.
   */
  static long insert(Connection c, List<SinkBatch.Row<DecisionDocument>> rows, CopyText text)
      throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    Savepoint beforeCopy = c.setSavepoint();
    try {
      copy(c, "decisions", text);
      c.releaseSavepoint(beforeCopy);
      return rows.size();
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(beforeCopy);
    }
    try (Statement s = c.createStatement()) {
      // A temporary table lives as long as the (pooled) connection; its rows as long as the
      // transaction.
      s.execute(
          "CREATE TEMP TABLE IF NOT EXISTS decisions_stage"
              + " (LIKE decisions INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
    }
    copy(c, "decisions_stage", text);
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(
          "INSERT INTO decisions ("
              + COLUMNS
              + ") SELECT "
              + COLUMNS
              + " FROM decisions_stage ON CONFLICT DO NOTHING");
    }
  }

  /** The rows as COPY text, in the column order of {@link #COLUMNS}. */
  static CopyText copyText(List<SinkBatch.Row<DecisionDocument>> rows) {
    CopyText text = new CopyText();
    for (SinkBatch.Row<DecisionDocument> row : rows) {
      DecisionDocument d = row.value();
      text.column(d.transactionId())
          .column(d.eventTime())
          .column(d.userId())
          .column(d.amount())
          .column(d.currency())
          .column(d.merchant())
          .column(d.merchantCategory())
          .column(d.country())
          .column(d.city())
          .column(d.channel())
          .column(d.score())
          .column(d.severity().name())
          .column(d.reasonsJson())
          .column(d.featuresJson())
          .column(d.ruleSetVersion())
          .column(d.isFraud())
          .column(d.fraudPattern())
          .column(row.recordTime())
          .endRow();
    }
    return text;
  }

  private static void copy(Connection c, String table, CopyText text) throws SQLException {
    CopyIn copy =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN");
    try {
      text.writeTo(copy);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }
}
