package io.streamsentinel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseSettings;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys in a real (embedded) PostgreSQL: only hashes stored, verified while in force, revoked by
 * name or id, one name in force at a time, changes audit-logged; and {@code sentinel apikey}.
 */
class ApiKeyStoreIT {

  @TempDir static Path dir;
  private static Database database;
  private static ApiKeyStore keys;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.embedded(dir.resolve("postgres"), false));
    keys = new ApiKeyStore(database);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void shouldVerifyAKeyInForceAndStoreOnlyItsHash() throws Exception {
    IssuedKey issued = keys.create("ana", Role.ANALYST, "test");

    assertThat(keys.verify(issued.secret()))
        .hasValue(new Caller(issued.info().keyId(), "ana", Role.ANALYST));
    assertThat(keys.verify(issued.secret() + "x")).isEmpty();
    assertThat(keys.verify("sentinel_" + "a".repeat(43))).isEmpty();
    assertThat(issued.toString()).doesNotContain(issued.secret());
    for (String row : tableText()) {
      assertThat(row).doesNotContain(issued.secret().substring(ApiKeySecrets.PREFIX.length()));
    }
  }

  @Test
  void shouldRefuseASecondKeyInForceWithTheSameNameAndAllowItAfterRevoking() {
    IssuedKey first = keys.create("bo", Role.VIEWER, "test");

    assertThatThrownBy(() -> keys.create("bo", Role.ADMIN, "test"))
        .isInstanceOf(ApiKeyException.class)
        .hasMessageContaining("in force");
    ApiKeyInfo revoked = keys.revoke("bo", "test");
    IssuedKey second = keys.create("bo", Role.ADMIN, "test");

    assertThat(revoked.keyId()).isEqualTo(first.info().keyId());
    assertThat(revoked.revokedAt()).isNotNull();
    assertThat(keys.verify(first.secret())).isEmpty();
    assertThat(keys.verify(second.secret()).map(Caller::role)).hasValue(Role.ADMIN);
    assertThat(keys.revoke(String.valueOf(second.info().keyId()), "test").name()).isEqualTo("bo");
    assertThat(keys.verify(second.secret())).isEmpty();
    assertThatThrownBy(() -> keys.revoke("bo", "test"))
        .isInstanceOf(ApiKeyException.class)
        .hasMessageContaining("no key in force with name bo");
  }

  @Test
  void shouldRefuseANameThatIsNotOne() {
    for (String bad : new String[] {"", "42", "a b", "a\u0000", "x".repeat(65)}) {
      assertThatThrownBy(() -> keys.create(bad, Role.VIEWER, "test"))
          .as(bad)
          .isInstanceOf(ApiKeyException.class);
    }
  }

  @Test
  void shouldAuditCreatingAndRevoking() throws Exception {
    IssuedKey issued = keys.create("cy", Role.OPERATOR, "cli:tester");
    keys.revoke("cy", "cli:tester");

    List<String> audit = new ArrayList<>();
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT actor || ' ' || action FROM audit_log WHERE subject = 'api-key-"
                    + issued.info().keyId()
                    + "' ORDER BY audit_id")) {
      while (rs.next()) {
        audit.add(rs.getString(1));
      }
    }
    assertThat(audit).containsExactly("cli:tester create_api_key", "cli:tester revoke_api_key");
  }

  @Test
  void shouldCreateListAndRevokeFromTheCommandLinePrintingTheKeyOnce() {
    String[] where = {"--db-data-dir", dir.resolve("postgres").toString()};
    CliRunner create = new CliRunner();
    assertThat(
            create.run(
                concat(
                    new String[] {"apikey", "create", "--name", "dana", "--role", "analyst"},
                    where)))
        .as(create.err())
        .isZero();
    Matcher key = Pattern.compile("sentinel_[A-Za-z0-9_-]{43}").matcher(create.out());
    assertThat(key.find()).as(create.out()).isTrue();
    assertThat(keys.verify(key.group()).map(Caller::name)).hasValue("dana");

    CliRunner list = new CliRunner();
    assertThat(list.run(concat(new String[] {"apikey", "list"}, where))).isZero();
    assertThat(list.out()).contains("dana").contains("analyst").doesNotContain(key.group());

    CliRunner badRole = new CliRunner();
    assertThat(
            badRole.run(
                concat(
                    new String[] {"apikey", "create", "--name", "eve", "--role", "root"}, where)))
        .isNotZero();
    assertThat(badRole.err()).contains("viewer, analyst, operator or admin");

    CliRunner revoke = new CliRunner();
    assertThat(revoke.run(concat(new String[] {"apikey", "revoke", "dana"}, where)))
        .as(revoke.err())
        .isZero();
    assertThat(revoke.out()).contains("revoked");
    assertThat(keys.verify(key.group())).isEmpty();
  }

  private static List<String> tableText() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT t::text FROM api_keys t")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
