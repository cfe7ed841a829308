package io.streamsentinel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseException;
import io.streamsentinel.database.DatabaseSettings;
import io.streamsentinel.database.EmbeddedDatabase;
import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.Severity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema on a real, embedded PostgreSQL. */
class DatabaseIT {

  @TempDir Path dir;

  @Test
  void shouldMigrateAnEmptyDatabaseAndKeepDataAcrossRestarts() throws Exception {
    Path data = dir.resolve("postgres");
    try (Database db = Database.open(DatabaseSettings.embedded(data, false))) {
      assertThat(tables(db))
          .contains(
              "decisions",
              "alerts",
              "actions",
              "account_status_history",
              "accounts",
              "review_cases",
              "audit_log",
              "labels");
      try (Connection c = db.connection();
          Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO audit_log (at, actor, action, subject, source) "
                + "VALUES (now(), 'test', 'note', 'user_1', 'test')");
      }
    }

    try (Database db = Database.open(DatabaseSettings.embedded(data, false))) {
      assertThat(count(db, "audit_log")).isEqualTo(1);
    }

    try (Database db = Database.open(DatabaseSettings.embedded(data, true))) {
      assertThat(count(db, "audit_log")).as("--fresh wipes the data").isZero();
    }
  }

  @Test
  void shouldAttachToTheServerAnotherProcessRunsOnTheSameFolder() throws Exception {
    Path data = dir.resolve("shared");
    try (EmbeddedDatabase server = EmbeddedDatabase.start(data, false, 0);
        Database db = Database.open(DatabaseSettings.embedded(data, false))) {
      assertThat(EmbeddedDatabase.runningPort(data)).contains(server.port());
      assertThat(db.description()).contains(String.valueOf(server.port()));
      assertThat(tables(db)).contains("decisions");
    }
    assertThat(EmbeddedDatabase.runningPort(data)).isEmpty();
  }

  @Test
  void shouldDropDecisionPartitionsPastRetentionOnly() throws Exception {
    try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("retention"), false));
        Connection c = db.connection()) {
      c.setAutoCommit(false);
      DecisionPartitions partitions = new DecisionPartitions();
      partitions.ensure(
          c, List.of(decisionOn("2026-01-01T10:00:00Z"), decisionOn("2026-03-30T10:00:00Z")));
      c.commit();
      partitions.committed();
      c.setAutoCommit(true);

      List<String> dropped =
          partitions.dropExpired(c, Duration.ofDays(30), Instant.parse("2026-04-15T00:00:00Z"));

      assertThat(dropped).containsExactly("decisions_20260101");
      assertThat(tables(db)).contains("decisions_20260330").doesNotContain("decisions_20260101");
    }
  }

  @Test
  void shouldRecreateAPartitionAnotherSinkDroppedWhileThisOneRememberedIt() throws Exception {
    try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("dropped"), false))) {
      BatchWriter writer = new BatchWriter(db.dataSource());
      SinkBatch first = new SinkBatch();
      first.decisions.add(decisionOn("2026-02-01T10:00:00Z"));
      writer.write(first);
      try (Connection c = db.connection();
          Statement s = c.createStatement()) {
        s.execute("DROP TABLE decisions_20260201"); // as another sink's retention pass would
      }

      SinkBatch second = new SinkBatch();
      second.decisions.add(decisionOn("2026-02-01T11:00:00Z"));
      writer.write(second);

      assertThat(count(db, "decisions")).isEqualTo(1);
    }
  }

  @Test
  void shouldTreatAReadOnlyDatabaseAsAnOutageAndDeadLetterNothing() throws Exception {
    try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("readonly"), false))) {
      BatchWriter writer = new BatchWriter(db.dataSource());
      SinkBatch batch = new SinkBatch();
      for (int i = 0; i < 6; i++) {
        batch.decisions.add(decisionOn("2026-02-01T10:0" + i + ":00Z"));
      }
      readOnly(db, true); // as after a failover to a replica
      List<DeadLetter> dead = new ArrayList<>();

      assertThatThrownBy(() -> writer.writeIsolatingBadRows(batch, dead))
          .isInstanceOf(SQLException.class);
      assertThat(dead).isEmpty();
      assertThat(batch.size()).isEqualTo(6);

      readOnly(db, false);
      writer.writeIsolatingBadRows(batch, dead);
      assertThat(dead).isEmpty();
      assertThat(count(db, "decisions")).isEqualTo(6);
    }
  }

  @Test
  void shouldDeadLetterRowsTheDatabaseRefusesForTheirValuesEvenWhenAllAreRefusedAlike()
      throws Exception {
    try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("values"), false))) {
      BatchWriter writer = new BatchWriter(db.dataSource());
      SinkBatch batch = new SinkBatch();
      for (int i = 0; i < 6; i++) {
        batch.decisions.add(
            decisionOn("2026-02-01T10:0" + i + ":00Z", new BigDecimal("1e1000000")));
      }
      List<DeadLetter> dead = new ArrayList<>();

      // A data exception (SQLSTATE class 22) describes the rows, not the database: six alike must
      // not stall the sink as an outage.
      writer.writeIsolatingBadRows(batch, dead);

      assertThat(dead)
          .hasSize(6)
          .allSatisfy(d -> assertThat(d.problem()).contains("value overflows numeric format"));
      assertThat(count(db, "decisions")).isZero();
    }
  }

  private static void readOnly(Database db, boolean on) throws SQLException {
    try (Connection c = db.connection();
        Statement s = c.createStatement()) {
      s.execute(
          on
              ? "ALTER SYSTEM SET default_transaction_read_only = on"
              : "ALTER SYSTEM RESET default_transaction_read_only");
      s.execute("SELECT pg_reload_conf()");
    }
    try {
      Thread.sleep(500); // every backend rereads the configuration on its next command
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void shouldKeepTheLatestLabelPerTransactionAcrossBatches() throws Exception {
    try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("labels"), false))) {
      BatchWriter writer = new BatchWriter(db.dataSource());
      writer.write(labels(label("tx-1", false, "2026-02-01T10:00:00Z", 0)));
      writer.write(labels(label("tx-1", true, "2026-02-01T11:00:00Z", 1)));
      assertThat(storedLabels(db)).containsExactly("tx-1 true 2026-02-01T11:00:00Z");

      writer.write(labels(label("tx-1", false, "2026-02-01T10:30:00Z", 2)));
      writer.write(labels(label("tx-1", false, "2026-02-01T11:00:00Z", 3)));
      assertThat(storedLabels(db))
          .as("an older label, or one as old, arriving later does not overwrite")
          .containsExactly("tx-1 true 2026-02-01T11:00:00Z");

      writer.write(
          labels(
              label("tx-2", true, "2026-02-01T12:00:00Z", 4),
              label("tx-2", false, "2026-02-01T13:00:00Z", 5),
              label("tx-1", false, "2026-02-01T12:00:00Z", 6)));
      assertThat(storedLabels(db))
          .containsExactly("tx-1 false 2026-02-01T12:00:00Z", "tx-2 false 2026-02-01T13:00:00Z");
    }
  }

  private static SinkBatch labels(List<SinkBatch.Row<Label>> rows) {
    SinkBatch batch = new SinkBatch();
    batch.labels.addAll(rows);
    return batch;
  }

  @SafeVarargs
  private static SinkBatch labels(SinkBatch.Row<Label>... rows) {
    return labels(List.of(rows));
  }

  private static SinkBatch.Row<Label> label(String tx, boolean fraud, String at, long offset) {
    return new SinkBatch.Row<>(
        new Label(tx, fraud, "u", Label.CHARGEBACK, Instant.parse(at)),
        new ConsumerRecord<>("fraud-feedback", 0, offset, "u", new byte[0]));
  }

  static List<String> storedLabels(Database db) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT transaction_id, is_fraud, labelled_at FROM labels ORDER BY transaction_id")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getTimestamp(3).toInstant());
      }
    }
    return rows;
  }

  private static SinkBatch.Row<DecisionDocument> decisionOn(String time) {
    return decisionOn(time, BigDecimal.TEN);
  }

  private static SinkBatch.Row<DecisionDocument> decisionOn(String time, BigDecimal amount) {
    DecisionDocument doc =
        new DecisionDocument(
            null,
            "tx-" + time,
            "u",
            Instant.parse(time),
            amount,
            null,
            null,
            null,
            null,
            null,
            null,
            0.1,
            Severity.LOW,
            "[]",
            "{}",
            List.of(),
            "r",
            null,
            null);
    return new SinkBatch.Row<>(doc, new ConsumerRecord<>("fraud-scores", 0, 0L, "u", new byte[0]));
  }

  @Test
  void shouldNameTheServerItCannotReach() {
    DatabaseSettings unreachable =
        new DatabaseSettings(
            "jdbc:postgresql://127.0.0.1:1/nowhere",
            "nobody",
            "secret-password",
            dir,
            false,
            1,
            DatabaseSettings.DEFAULT_RETENTION);

    assertThatThrownBy(() -> Database.open(unreachable))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageNotContaining("secret-password");
  }

  private static List<String> tables(Database db) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = db.connection();
        ResultSet rs =
            c.getMetaData()
                .getTables(null, "public", "%", new String[] {"TABLE", "PARTITIONED TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  static long count(Database db, String table) throws Exception {
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
