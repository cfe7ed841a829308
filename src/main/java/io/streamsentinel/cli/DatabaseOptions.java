package io.streamsentinel.cli;

import io.streamsentinel.database.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where the database is: the embedded PostgreSQL under {@code ./data/postgres} by default, or an
 * existing server. Each option falls back to an environment variable, so passwords need not appear
 * on command lines.
 */
public final class DatabaseOptions {

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      defaultValue = "${env:SENTINEL_DB_URL}",
      description =
          "An existing PostgreSQL server, e.g. jdbc:postgresql://db:5432/sentinel (env SENTINEL_DB_URL)."
              + " Default: the embedded PostgreSQL.")
  String url;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      defaultValue = "${env:SENTINEL_DB_USER}",
      description = "User for --db-url (env SENTINEL_DB_USER).")
  String user;

  @Option(
      names = "--db-password",
      paramLabel = "PASSWORD",
      defaultValue = "${env:SENTINEL_DB_PASSWORD}",
      description =
          "Password for --db-url (env SENTINEL_DB_PASSWORD, preferred: not in the shell history).")
  String password;

  @Option(
      names = "--db-data-dir",
      paramLabel = "DIR",
      defaultValue = "data/postgres",
      description = "Data folder of the embedded PostgreSQL (default: ./${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--db-pool-size",
      paramLabel = "N",
      defaultValue = "" + DatabaseSettings.DEFAULT_POOL_SIZE,
      description = "Database connections in the pool (default: ${DEFAULT-VALUE}).")
  int poolSize;

  @Option(
      names = "--decision-retention",
      paramLabel = "DURATION",
      defaultValue = "90d",
      converter = DurationOption.class,
      description =
          "Decisions are kept this long (by the day of their event time), e.g. 30d (default: ${DEFAULT-VALUE}).")
  Duration retention;

  /**
   * The settings; {@code fresh} wipes the embedded server's data (ignored for --db-url).
   *
   * @throws IllegalArgumentException naming the option, for a bad value
   */
  DatabaseSettings settings(boolean fresh) {
    return new DatabaseSettings(
        blankToNull(url),
        blankToNull(user),
        blankToNull(password),
        dataDir,
        fresh,
        poolSize,
        retention);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
