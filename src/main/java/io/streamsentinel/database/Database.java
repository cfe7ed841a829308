package io.streamsentinel.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.streamsentinel.secrets.Secrets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open database: the embedded server when no URL is given (started, or attached to when another
 * process already runs it on the same folder), a HikariCP pool, and the schema migrated to the
 * latest version by Flyway.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** How long a caller waits for a connection before the pool gives up (sink retries then). */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  /** The whole start of a connection: TCP, TLS, authentication. */
  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);

  /**
   * A read that waits longer than this fails, so a hung server cannot hang the sink or its stop.
   */
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

  /** The server cancels a statement after this long: below the socket timeout, so it says why. */
  private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(45);

  private final EmbeddedDatabase embedded;
  private final HikariDataSource pool;
  private final String description;
  private final DatabaseSettings settings;

  private Database(
      EmbeddedDatabase embedded,
      HikariDataSource pool,
      String description,
      DatabaseSettings settings) {
    this.embedded = embedded;
    this.pool = pool;
    this.description = description;
    this.settings = settings;
  }

  /**
   * Opens the database and migrates its schema.
   *
   * @throws DatabaseException naming the server, when it cannot be reached or migrated
   */
  public static Database open(DatabaseSettings settings) {
    EmbeddedDatabase embedded = null;
    String url = settings.url();
    String user = settings.user();
    String password = settings.password();
    String description;
    if (settings.isEmbedded()) {
      var running = settings.fresh() ? null : EmbeddedDatabase.runningPort(settings.embeddedDir());
      if (running != null && running.isPresent()) {
        url = EmbeddedDatabase.jdbcUrl(running.get());
        // Started by a version from before passwords, the server may have none: it trusts then.
        password = EmbeddedDatabase.password(settings.embeddedDir()).orElse(null);
        description = "embedded PostgreSQL already running on port " + running.get();
      } else {
        embedded = EmbeddedDatabase.start(settings.embeddedDir(), settings.fresh(), 0);
        url = embedded.jdbcUrl();
        password = embedded.password();
        description = "embedded PostgreSQL on port " + embedded.port();
      }
      user = EmbeddedDatabase.USER;
    } else {
      description = Secrets.maskedUrl(url);
    }
    try {
      HikariDataSource pool = pool(url, user, password, settings);
      migrate(pool);
      log.info("database ready: {}", description);
      return new Database(embedded, pool, description, settings);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw new DatabaseException("cannot open the database at " + description, e);
    }
  }

  private static HikariDataSource pool(
      String url, String user, String password, DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    if (password != null) {
      config.setPassword(password);
    }
    config.setPoolName("sentinel-db");
    config.setMaximumPoolSize(settings.poolSize());
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    // Fail at start-up, with the server's own message, when the database cannot be reached.
    config.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
    // Batched inserts travel as multi-row statements.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "stream-sentinel");
    // Never hang on a server that accepts and stops answering: bounded connect and login, a socket
    // read that gives up, and a server-side limit per statement (the sink's batches take far less).
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
    config.addDataSourceProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT.toSeconds()));
    config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toSeconds()));
    config.addDataSourceProperty("tcpKeepAlive", "true");
    config.addDataSourceProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT.toMillis());
    return new HikariDataSource(config);
  }

  private static void migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    log.info(
        "schema at version {} ({} migration(s) applied now)",
        result.targetSchemaVersion,
        result.migrationsExecuted);
  }

  public DataSource dataSource() {
    return pool;
  }

  /** A pooled connection; the caller closes it. */
  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** Where the database is, for people (never with a password). */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
