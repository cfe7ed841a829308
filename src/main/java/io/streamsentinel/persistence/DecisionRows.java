package io.streamsentinel.persistence;

import io.streamsentinel.codec.DecisionDocument;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Writes decisions with {@code COPY} into a per-connection staging table, then moves them into
 * {@code decisions} with {@code ON CONFLICT DO NOTHING}: COPY's speed, with a redelivered decision
 * a no-op.
 */
final class DecisionRows {

  private static final String COLUMNS =
      "transaction_id, event_time, user_id, amount, currency, merchant, merchant_category, country,"
          + " city, channel, score, severity, reasons, features, rule_set_version, is_fraud,"
          + " fraud_pattern, decided_at";

  private DecisionRows() {}

  /** Inserts the rows not stored yet; returns how many were new. */
  static long insert(Connection c, List<SinkBatch.Row<DecisionDocument>> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (Statement s = c.createStatement()) {
      // A temporary table lives as long as the (pooled) connection; its rows as long as the
      // transaction.
      s.execute(
          "CREATE TEMP TABLE IF NOT EXISTS decisions_stage"
              + " (LIKE decisions INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
    }
    copy(c, rows);
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(
          "INSERT INTO decisions ("
              + COLUMNS
              + ") SELECT "
              + COLUMNS
              + " FROM decisions_stage ON CONFLICT DO NOTHING");
    }
  }

  private static void copy(Connection c, List<SinkBatch.Row<DecisionDocument>> rows)
      throws SQLException {
    CopyText text = new CopyText();
    for (SinkBatch.Row<DecisionDocument> row : rows) {
      DecisionDocument d = row.value();
      text.column(d.transactionId())
          .column(d.eventTime())
          .column(d.userId())
          .column(d.amount().toPlainString())
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
    try {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY decisions_stage (" + COLUMNS + ") FROM STDIN",
              new StringReader(text.toString()));
    } catch (IOException e) {
      throw new SQLException("cannot stream decisions to the database: " + e.getMessage(), e);
    }
  }
}
