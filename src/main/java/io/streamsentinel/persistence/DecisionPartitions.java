package io.streamsentinel.persistence;

import io.streamsentinel.codec.DecisionDocument;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day partitions of {@code decisions} (UTC days of event time, named {@code
 * decisions_yyyymmdd}): created when the sink first meets a day, dropped once the day ended longer
 * ago than the retention. Dropping a partition is how retention costs nothing per row.
 */
final class DecisionPartitions {

  private static final Logger log = LoggerFactory.getLogger(DecisionPartitions.class);
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String PREFIX = "decisions_";

  /** Days known to have a partition (a dropped one is re-created by CREATE IF NOT EXISTS). */
  private final Set<LocalDate> known = new HashSet<>();

  /** Days created by the open transaction: known only once it commits. */
  private final Set<LocalDate> pendingDays = new HashSet<>();

  /** Creates the partitions the rows need, inside the caller's transaction. */
  void ensure(Connection c, List<SinkBatch.Row<DecisionDocument>> rows) throws SQLException {
    Set<LocalDate> missing = new TreeSet<>();
    for (SinkBatch.Row<DecisionDocument> row : rows) {
      LocalDate day = LocalDate.ofInstant(row.value().eventTime(), ZoneOffset.UTC);
      if (!known.contains(day)) {
        missing.add(day);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try (Statement s = c.createStatement()) {
      // Two sinks meeting a new day at once would race on CREATE; the lock serialises them.
      s.execute("SELECT pg_advisory_xact_lock(hashtext('decisions-partitions'))");
      for (LocalDate day : missing) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS "
                + name(day)
                + " PARTITION OF decisions FOR VALUES FROM ('"
                + day
                + "') TO ('"
                + day.plusDays(1)
                + "')");
      }
    }
    pendingDays.addAll(missing);
  }

  /** Forgets every known day: the next batch checks (and creates) its partitions again. */
  void forget() {
    known.clear();
  }

  /**
   * Whether the database refused a row for want of a partition (SQLSTATE 23514 with PostgreSQL's
   * "no partition of relation" message).
   */
  static boolean isMissingPartition(SQLException e) {
    return "23514".equals(e.getSQLState())
        && e.getMessage() != null
        && e.getMessage().contains("no partition of relation");
  }

  /** The transaction that created partitions committed. */
  void committed() {
    known.addAll(pendingDays);
    pendingDays.clear();
  }

  /** The transaction rolled back: the partitions it created are gone. */
  void rolledBack() {
    pendingDays.clear();
  }

  /**
   * Drops the partitions whose day ended more than {@code retention} before {@code now}.
   *
   * @return the names of the dropped partitions
   */
  List<String> dropExpired(Connection c, Duration retention, Instant now) throws SQLException {
    LocalDate oldestKept = LocalDate.ofInstant(now.minus(retention), ZoneOffset.UTC);
    List<String> dropped = new ArrayList<>();
    for (String partition : partitions(c)) {
      LocalDate day = LocalDate.parse(partition.substring(PREFIX.length()), SUFFIX);
      if (day.isBefore(oldestKept)) {
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE IF EXISTS " + partition);
        }
        dropped.add(partition);
        known.remove(day);
      }
    }
    if (!dropped.isEmpty()) {
      log.info("dropped {} decision partition(s) past the {} retention", dropped.size(), retention);
    }
    return dropped;
  }

  private static List<String> partitions(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT child.relname FROM pg_inherits"
                    + " JOIN pg_class parent ON parent.oid = pg_inherits.inhparent"
                    + " JOIN pg_class child ON child.oid = pg_inherits.inhrelid"
                    + " WHERE parent.relname = 'decisions'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        if (name.matches("decisions_\\d{8}")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  static String name(LocalDate day) {
    return PREFIX + day.format(SUFFIX);
  }
}
