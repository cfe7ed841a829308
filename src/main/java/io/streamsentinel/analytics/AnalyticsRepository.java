package io.streamsentinel.analytics;

import io.streamsentinel.database.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Reads the analytics tables for the report; never writes. */
public final class AnalyticsRepository {

  private final DataSource dataSource;

  public AnalyticsRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Everything, read in one repeatable-read transaction so the totals, buckets and histograms
   * describe the same batches even while the consumer writes.
   */
  public AnalyticsSnapshot snapshot() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        AnalyticsSnapshot snapshot =
            new AnalyticsSnapshot(
                alertThreshold(c).orElse(null),
                buckets(c),
                histogram(c),
                modelHistogram(c),
                counters(c));
        c.commit();
        return snapshot;
      } finally {
        c.setReadOnly(false);
      }
    } catch (SQLException e) {
      throw new DatabaseException("cannot read the analytics tables", e);
    }
  }

  /** The alert threshold the per-bucket alerts were counted at, if any batch was. */
  public Optional<Double> alertThreshold() {
    try (Connection c = dataSource.getConnection()) {
      return alertThreshold(c);
    } catch (SQLException e) {
      throw new DatabaseException("cannot read the analytics settings", e);
    }
  }

  private static Optional<Double> alertThreshold(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT value FROM analytics_settings WHERE name = 'alert_threshold'");
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.of(Double.valueOf(rs.getString(1))) : Optional.empty();
    }
  }

  private static List<BucketStats> buckets(Connection c) throws SQLException {
    List<BucketStats> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT dimension, bucket, transactions, amount_sum, enforcement, evaluated,"
                    + " labelled_fraud, alerts, true_alerts FROM fraud_stats");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        BucketCounts counts =
            new BucketCounts(
                rs.getLong(3),
                rs.getBigDecimal(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9));
        out.add(new BucketStats(Dimension.ofKey(rs.getString(1)), rs.getString(2), counts));
      }
    }
    return out;
  }

  private static SortedMap<ScoreCell, Long> histogram(Connection c) throws SQLException {
    SortedMap<ScoreCell, Long> out = new TreeMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT score, is_fraud, fraud_pattern, decisions FROM score_histogram");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.put(new ScoreCell(rs.getDouble(1), rs.getBoolean(2), rs.getString(3)), rs.getLong(4));
      }
    }
    return out;
  }

  private static SortedMap<ModelScoreCell, Long> modelHistogram(Connection c) throws SQLException {
    SortedMap<ModelScoreCell, Long> out = new TreeMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT model_version, scorer, score, is_fraud, fraud_pattern, decisions"
                    + " FROM model_score_histogram");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ScoreCell cell = new ScoreCell(rs.getDouble(3), rs.getBoolean(4), rs.getString(5));
        out.put(
            new ModelScoreCell(rs.getString(1), ScoredBy.ofKey(rs.getString(2)), cell),
            rs.getLong(6));
      }
    }
    return out;
  }

  private static Map<Counter, Long> counters(Connection c) throws SQLException {
    Map<Counter, Long> out = new EnumMap<>(Counter.class);
    try (PreparedStatement s = c.prepareStatement("SELECT name, value FROM analytics_counters");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        for (Counter counter : Counter.values()) {
          if (counter.key().equals(rs.getString(1))) {
            out.put(counter, rs.getLong(2));
          }
        }
      }
    }
    return out;
  }
}
