package io.streamsentinel.analytics;

import io.streamsentinel.database.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Writes the analytics tables: a batch's aggregate deltas and the next offsets it reached, in one
 * transaction. The stored offsets are the truth of what the aggregates contain; the consumer seeks
 * to them on assignment.
 */
public final class AnalyticsStore {

  private static final String UPSERT_STATS =
      "INSERT INTO fraud_stats (dimension, bucket, transactions, amount_sum, enforcement, evaluated,"
          + " labelled_fraud, alerts, true_alerts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (dimension, bucket) DO UPDATE SET"
          + " transactions = fraud_stats.transactions + EXCLUDED.transactions,"
          + " amount_sum = fraud_stats.amount_sum + EXCLUDED.amount_sum,"
          + " enforcement = fraud_stats.enforcement + EXCLUDED.enforcement,"
          + " evaluated = fraud_stats.evaluated + EXCLUDED.evaluated,"
          + " labelled_fraud = fraud_stats.labelled_fraud + EXCLUDED.labelled_fraud,"
          + " alerts = fraud_stats.alerts + EXCLUDED.alerts,"
          + " true_alerts = fraud_stats.true_alerts + EXCLUDED.true_alerts";
  private static final String UPSERT_HISTOGRAM =
      "INSERT INTO score_histogram (score, is_fraud, fraud_pattern, decisions) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (score, is_fraud, fraud_pattern) DO UPDATE SET"
          + " decisions = score_histogram.decisions + EXCLUDED.decisions";
  private static final String UPSERT_MODEL_HISTOGRAM =
      "INSERT INTO model_score_histogram (model_version, scorer, score, is_fraud, fraud_pattern,"
          + " decisions) VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (model_version, scorer, score, is_fraud, fraud_pattern) DO UPDATE SET"
          + " decisions = model_score_histogram.decisions + EXCLUDED.decisions";
  private static final String UPSERT_COUNTER =
      "INSERT INTO analytics_counters (name, value) VALUES (?, ?) ON CONFLICT (name)"
          + " DO UPDATE SET value = analytics_counters.value + EXCLUDED.value";
  private static final String INSERT_OFFSET =
      "INSERT INTO analytics_offsets (topic, partition, next_offset) VALUES (?, ?, ?)"
          + " ON CONFLICT (topic, partition) DO NOTHING";
  private static final String MOVE_OFFSET =
      "UPDATE analytics_offsets SET next_offset = ?"
          + " WHERE topic = ? AND partition = ? AND next_offset = ?";

  private final DataSource dataSource;

  public AnalyticsStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The stored next offset of each partition of {@code topic} (partitions never read: absent). */
  public Map<Integer, Long> offsets(String topic) {
    Map<Integer, Long> offsets = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT partition, next_offset FROM analytics_offsets WHERE topic = ?")) {
      s.setString(1, topic);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          offsets.put(rs.getInt(1), rs.getLong(2));
        }
      }
      return offsets;
    } catch (SQLException e) {
      throw new DatabaseException("cannot read the analytics offsets", e);
    }
  }

  /**
   * Adds a batch to the aggregates and moves the offsets, atomically.
   *
   * @param expected the stored offsets this instance last saw (a partition absent: none stored)
   * @param next the offsets after the batch, by partition
   * @throws StaleOffsetsException when another instance moved one of the offsets; nothing is
   *     written then
   */
  public void apply(
      StatisticsTally tally, String topic, Map<Integer, Long> expected, Map<Integer, Long> next) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // Offsets first: a stale instance fails before it takes any row lock on the aggregates.
        moveOffsets(c, topic, expected, new TreeMap<>(next));
        writeStats(c, tally);
        writeHistogram(c, tally.histogram());
        writeModelHistogram(c, tally.modelHistogram());
        writeCounters(c, tally);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseException("cannot write the analytics batch", e);
    }
  }

  private static void moveOffsets(
      Connection c, String topic, Map<Integer, Long> expected, SortedMap<Integer, Long> next)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT_OFFSET);
        PreparedStatement move = c.prepareStatement(MOVE_OFFSET)) {
      for (Map.Entry<Integer, Long> e : next.entrySet()) {
        Long seen = expected.get(e.getKey());
        int changed;
        if (seen == null) {
          insert.setString(1, topic);
          insert.setInt(2, e.getKey());
          insert.setLong(3, e.getValue());
          changed = insert.executeUpdate();
        } else {
          move.setLong(1, e.getValue());
          move.setString(2, topic);
          move.setInt(3, e.getKey());
          move.setLong(4, seen);
          changed = move.executeUpdate();
        }
        if (changed != 1) {
          throw new StaleOffsetsException(topic, e.getKey());
        }
      }
    }
  }

  private static void writeStats(Connection c, StatisticsTally tally) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(UPSERT_STATS)) {
      for (BucketStats b : tally.buckets()) {
        BucketCounts n = b.counts();
        s.setString(1, b.dimension().key());
        s.setString(2, b.bucket());
        s.setLong(3, n.transactions());
        s.setBigDecimal(4, n.amountSum());
        s.setLong(5, n.enforcement());
        s.setLong(6, n.evaluated());
        s.setLong(7, n.labelledFraud());
        s.setLong(8, n.alerts());
        s.setLong(9, n.trueAlerts());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void writeHistogram(Connection c, SortedMap<ScoreCell, Long> cells)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(UPSERT_HISTOGRAM)) {
      for (Map.Entry<ScoreCell, Long> e : cells.entrySet()) {
        s.setDouble(1, e.getKey().score());
        s.setBoolean(2, e.getKey().fraud());
        s.setString(3, e.getKey().pattern());
        s.setLong(4, e.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void writeModelHistogram(Connection c, SortedMap<ModelScoreCell, Long> cells)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(UPSERT_MODEL_HISTOGRAM)) {
      for (Map.Entry<ModelScoreCell, Long> e : cells.entrySet()) {
        ModelScoreCell key = e.getKey();
        s.setString(1, key.group());
        s.setString(2, key.scoredBy().key());
        s.setDouble(3, key.cell().score());
        s.setBoolean(4, key.cell().fraud());
        s.setString(5, key.cell().pattern());
        s.setLong(6, e.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void writeCounters(Connection c, StatisticsTally tally) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(UPSERT_COUNTER)) {
      for (Counter counter : Counter.values()) {
        s.setString(1, counter.key());
        s.setLong(2, tally.count(counter));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Records the alert threshold the aggregates are built with, or checks it against the one
   * recorded.
   *
   * @throws IllegalStateException when the tables were built with another threshold
   */
  public void claimAlertThreshold(double threshold) {
    String wanted = Double.toString(threshold);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO analytics_settings (name, value) VALUES ('alert_threshold', ?)"
                    + " ON CONFLICT (name) DO NOTHING")) {
      s.setString(1, wanted);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseException("cannot record the analytics settings", e);
    }
    Optional<Double> stored = new AnalyticsRepository(dataSource).alertThreshold();
    if (stored.isPresent() && stored.get() != threshold) {
      throw new IllegalStateException(
          "the analytics tables hold alerts counted at threshold "
              + stored.get()
              + ", not "
              + threshold
              + "; run with that threshold, or empty the analytics tables first");
    }
  }
}
