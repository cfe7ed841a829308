package io.streamsentinel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server asks every connection for the password kept in its data folder. */
class EmbeddedDatabasePasswordIT {

  @TempDir Path dir;

  @Test
  void shouldRefuseConnectionsWithoutThePasswordWhileThePoolWorks() throws Exception {
    Path data = dir.resolve("postgres");
    try (Database db = Database.open(DatabaseSettings.embedded(data, false));
        Connection pooled = db.connection()) {
      assertThat(query(pooled, "SELECT count(*) FROM decisions")).isEqualTo("0");
      String url = EmbeddedDatabase.jdbcUrl(EmbeddedDatabase.runningPort(data).orElseThrow());

      assertRefused(url, null);
      assertRefused(url, "");
      assertRefused(url, "not-the-password");
      String password = EmbeddedDatabase.password(data).orElseThrow();
      try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
        assertThat(query(c, "SHOW listen_addresses")).isEqualTo("localhost");
        assertThat(query(c, "SHOW password_encryption")).isEqualTo("scram-sha-256");
        assertThat(query(c, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'"))
            .isEqualTo("0");
      }
    }
  }

  @Test
  void shouldKeepAStrongPasswordInAnOwnerOnlyFileAndReuseItAfterARestart() throws Exception {
    Path data = dir.resolve("postgres");
    String first;
    try (EmbeddedDatabase server = EmbeddedDatabase.start(data, false, 0)) {
      first = server.password();
    }
    Path file = data.resolve(EmbeddedCredentials.PASSWORD_FILE);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(file, StandardCharsets.UTF_8).strip()).isEqualTo(first);
    assertThat(first).matches("[A-Za-z0-9_-]{32}");
    assertThat(Files.list(data.getParent()).toList())
        .as("initdb's temporary password file is gone")
        .containsExactly(data);

    try (EmbeddedDatabase server = EmbeddedDatabase.start(data, false, 0)) {
      assertThat(server.password()).isEqualTo(first);
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", first)) {
        assertThat(query(c, "SELECT 1")).isEqualTo("1");
      }
    }

    try (EmbeddedDatabase server = EmbeddedDatabase.start(data, true, 0)) {
      assertThat(server.password()).as("--fresh starts with a new password").isNotEqualTo(first);
    }
  }

  @Test
  void shouldGiveAFolderFromBeforePasswordsOneAndKeepItsData() throws Exception {
    Path data = dir.resolve("postgres");
    // As earlier versions left it: initdb -A trust, no password file.
    try (EmbeddedPostgres old =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .start()) {
      try (Connection c = old.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE SCHEMA legacy; CREATE TABLE legacy.kept (id int); INSERT INTO legacy.kept VALUES (7)");
      }
    }
    assertThat(data.resolve(EmbeddedCredentials.PASSWORD_FILE)).doesNotExist();

    try (EmbeddedDatabase server = EmbeddedDatabase.start(data, false, 0)) {
      assertThat(Files.getPosixFilePermissions(data.resolve(EmbeddedCredentials.PASSWORD_FILE)))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
      assertRefused(server.jdbcUrl(), null);
      try (Connection c =
          DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
        assertThat(query(c, "SELECT id FROM legacy.kept")).isEqualTo("7");
      }
    }

    try (Database db = Database.open(DatabaseSettings.embedded(data, false));
        Connection c = db.connection()) {
      assertThat(query(c, "SELECT id FROM legacy.kept")).isEqualTo("7");
    }
  }

  @Test
  void shouldRefuseToStartAPasswordFolderWhosePasswordFileIsGone() throws Exception {
    Path data = dir.resolve("postgres");
    EmbeddedDatabase.start(data, false, 0).close();
    Files.delete(data.resolve(EmbeddedCredentials.PASSWORD_FILE));

    assertThatThrownBy(() -> EmbeddedDatabase.start(data, false, 0))
        .hasMessageContaining("sentinel-password is missing")
        .hasMessageContaining("--fresh");
  }

  private static void assertRefused(String url, String password) {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    if (password != null) {
      props.setProperty("password", password);
    }
    assertThatThrownBy(() -> DriverManager.getConnection(url, props).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
  }

  private static String query(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
