package io.streamsentinel.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes one {@link SinkBatch} in one database transaction: all of it or none of it. Every insert
 * is keyed by the record's natural id, so writing a batch again (after a crash, a rebalance or a
 * retry) changes nothing.
 */
final class BatchWriter {

  /** What one batch wrote. */
  record Written(long decisionsNew, int alerts, int actions, int statuses, int casesSeen) {}

  private final DataSource dataSource;
  private final DecisionPartitions partitions = new DecisionPartitions();

  BatchWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * @throws SQLException as the database reported it; nothing of the batch is stored then
   */
  Written write(SinkBatch batch) throws SQLException {
    try {
      return writeOnce(batch);
    } catch (SQLException e) {
      if (!DecisionPartitions.isMissingPartition(e)) {
        throw e;
      }
      // Another sink's retention pass dropped a partition this one remembered: forget, retry.
      partitions.forget();
      return writeOnce(batch);
    }
  }

  private Written writeOnce(SinkBatch batch) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        partitions.ensure(c, batch.decisions);
        long decisions = DecisionRows.insert(c, batch.decisions);
        int alerts = AlertRows.insert(c, batch.alerts);
        int cases = ActionRows.insert(c, batch.actions);
        int statuses = StatusRows.insert(c, batch.statuses);
        c.commit();
        partitions.committed();
        return new Written(decisions, alerts, batch.actions.size(), statuses, cases);
      } catch (SQLException | RuntimeException e) {
        partitions.rolledBack();
        rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  /** Drops decision partitions past retention; returns their names. */
  List<String> applyRetention(Duration retention, Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return partitions.dropExpired(c, retention, now);
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // The connection is likely gone, which is why we are here; the pool discards it.
      cause.addSuppressed(e);
    }
  }
}
