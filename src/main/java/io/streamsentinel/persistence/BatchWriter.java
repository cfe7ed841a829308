package io.streamsentinel.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@link SinkBatch} in one database transaction: all of it or none of it. Every insert
 * is keyed by the record's natural id, so writing a batch again (after a crash, a rebalance or a
 * retry) changes nothing.
 */
final class BatchWriter implements BatchStore {

  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

  /** What one batch wrote. */
  record Written(
      long decisionsNew, int alerts, int actions, int statuses, int labels, int casesSeen) {}

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
        durableCommit(c);
        partitions.ensure(c, batch.decisions);
        long decisions = DecisionRows.insert(c, batch.decisions, batch.decisionText());
        int alerts = AlertRows.insert(c, batch.alerts);
        int cases = ActionRows.insert(c, batch.actions);
        int statuses = StatusRows.insert(c, batch.statuses);
        int labels = LabelRows.upsert(c, batch.labels);
        c.commit();
        partitions.committed();
        return new Written(decisions, alerts, batch.actions.size(), statuses, labels, cases);
      } catch (SQLException | RuntimeException e) {
        partitions.rolledBack();
        rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  /**
   * Writes the batch; when the database refuses it for what it holds (not for being unreachable),
   * writes its rows one by one and moves each refused row from the batch to {@code dead} with the
   * reason.
   *
   * @throws SQLException a transient failure, or every row of at least {@link #MIN_ROWS_FOR_OUTAGE}
   *     refused alike (the database, not the rows): nothing of the batch is stored then, and the
   *     sink waits it out as an outage
   */
  @Override
  public void writeIsolatingBadRows(SinkBatch batch, List<DeadLetter> dead) throws SQLException {
    try {
      write(batch);
    } catch (SQLException e) {
      if (TransientFailures.isTransient(e)) {
        throw e;
      }
      log.warn("the database refused a batch ({}); storing its rows one by one", e.getMessage());
      List<SinkBatch> singles = batch.singles();
      List<SinkBatch> refused = new ArrayList<>();
      List<SQLException> failures = new ArrayList<>();
      for (SinkBatch single : singles) {
        try {
          write(single);
        } catch (SQLException rowFailure) {
          if (TransientFailures.isTransient(rowFailure)) {
            throw rowFailure;
          }
          refused.add(single);
          failures.add(rowFailure);
        }
      }
      if (refused.size() >= MIN_ROWS_FOR_OUTAGE
          && refused.size() == singles.size()
          && alike(failures)) {
        // Not one row went in, and all for the same reason: the database, not the rows.
        log.error(
            "the database refused every one of {} rows alike ({}): treated as an outage, nothing"
                + " dead-lettered",
            refused.size(),
            failures.get(0).getMessage());
        throw failures.get(0);
      }
      for (int i = 0; i < refused.size(); i++) {
        SinkBatch single = refused.get(i);
        dead.add(new DeadLetter(single.onlyOrigin(), "database: " + failures.get(i).getMessage()));
        batch.remove(single.onlyOrigin()); // counted as a dead letter, not as stored
      }
    }
  }

  /**
   * A batch refused row by row is taken for an outage only from this many rows on: two bad rows
   * with the same fault are not enough to stop the stream.
   */
  static final int MIN_ROWS_FOR_OUTAGE = 5;

  /**
   * Whether every row failed with the same SQLSTATE, and one that can speak of the database: a data
   * exception (class 22) or an integrity constraint violation (class 23) is about the row's own
   * values, however many rows share it.
   */
  private static boolean alike(List<SQLException> failures) {
    String state = failures.get(0).getSQLState();
    return state != null
        && !state.startsWith("22")
        && !state.startsWith("23")
        && failures.stream().allMatch(f -> state.equals(f.getSQLState()));
  }

  /**
   * The sink commits Kafka offsets as soon as this transaction commits, so the commit must not
   * return before its WAL is written out: {@code synchronous_commit} on, for this transaction,
   * whatever the server's default. The embedded server (io.zonky's defaults, meant for tests) runs
   * with {@code synchronous_commit=off}, where a crash of PostgreSQL could lose a commit whose
   * offsets Kafka already has. It costs one round trip per batch, and a WAL flush the sink waits
   * for while its other thread decodes the next batch.
   */
  private static void durableCommit(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL synchronous_commit TO on");
    }
  }

  @Override
  public List<String> applyRetention(Duration retention, Instant now) throws SQLException {
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
