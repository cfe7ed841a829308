package io.streamsentinel.database;

import io.streamsentinel.runtime.SecretFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Utils;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries in a Maven artifact, with its data in a folder
 * that survives restarts. A second process pointed at the same folder while the server runs
 * attaches to it instead (see {@link #runningPort}) and reads the same password ({@link
 * #password(Path)}). The server listens on localhost only and asks every connection for the
 * superuser's password (scram-sha-256), kept in the folder: see {@link EmbeddedCredentials}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** The embedded server's superuser and database. */
  public static final String USER = "postgres";

  private static final String DATABASE = "postgres";

  private final EmbeddedPostgres server;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres server, String password) {
    this.server = server;
    this.password = password;
  }

  /**
   * Starts the server on {@code dir}; port 0 picks a free one. A new folder gets a random password
   * (see {@link EmbeddedCredentials}); a folder from before passwords (trust) is given one.
   *
   * @param fresh delete the folder's data first
   * @throws UncheckedIOException naming the folder, when the server cannot start
   */
  public static EmbeddedDatabase start(Path dir, boolean fresh, int port) {
    Path initPasswordFile = null;
    try {
      if (fresh) {
        Utils.delete(dir.toFile());
      }
      Files.createDirectories(dir);
      // The test zonky uses to decide whether to run initdb.
      boolean initialised = Files.isRegularFile(dir.resolve("postgresql.conf"));
      String password;
      EmbeddedPostgres.Builder builder = builder(dir, port);
      if (initialised) {
        password = existingPassword(dir);
      } else {
        password = SecretFiles.randomPassword();
        // initdb wants an empty folder, so its password file waits next to it, owner-only, until
        // the folder exists; then the password moves in (before the server's first start).
        initPasswordFile =
            SecretFiles.ownerOnlyTempFile(dir.toAbsolutePath().getParent(), password);
        // zonky passes each "locale" setting to initdb as --key=value, after its own "-A trust":
        // the superuser gets the password and trust is never written, not even for a moment.
        builder
            .setLocaleConfig("pwfile", initPasswordFile.toString())
            .setLocaleConfig("auth", "scram-sha-256")
            .setDataDirectoryCustomizer(folder -> keepNewPassword(dir, password));
      }
      // zonky's own readiness check connects as the superuser, so it needs the password too.
      builder.setConnectConfig("password", password);
      EmbeddedPostgres server = builder.start();
      if (!EmbeddedCredentials.hbaIsCurrent(dir)) {
        requirePassword(server, dir, password);
      }
      log.info("embedded PostgreSQL started on port {} with data in {}", server.getPort(), dir);
      return new EmbeddedDatabase(server, password);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          "cannot start the embedded PostgreSQL in "
              + dir
              + ": "
              + e.getMessage()
              + " (another process may be using the folder; use --db-url for an existing server)",
          e instanceof IOException io ? io : new IOException(e));
    } finally {
      deleteQuietly(initPasswordFile);
    }
  }

  private static EmbeddedPostgres.Builder builder(Path dir, int port) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            // Enough for a sink, the API and analytics; the server is for one machine's demo.
            .setServerConfig("max_connections", "50")
            // Reachable from this machine only, and passwords stored as SCRAM secrets.
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("password_encryption", "scram-sha-256");
    if (port > 0) {
      builder.setPort(port);
    }
    return builder;
  }

  /**
   * The password of an initialised folder; a folder from before passwords gets a new one here (and
   * the server learns it once started, see {@link #requirePassword}).
   */
  private static String existingPassword(Path dir) throws IOException {
    Optional<String> kept = EmbeddedCredentials.readPassword(dir);
    if (kept.isPresent()) {
      return kept.get();
    }
    if (!EmbeddedCredentials.hbaTrusts(dir)) {
      throw new IOException(
          "the server asks for a password but its file "
              + EmbeddedCredentials.passwordFile(dir)
              + " is missing; restore it, or start afresh (--fresh deletes the data)");
    }
    String password = SecretFiles.randomPassword();
    EmbeddedCredentials.writePassword(dir, password);
    return password;
  }

  /** Runs between initdb and the first start: the password moves in, pg_hba.conf is ours. */
  private static void keepNewPassword(Path dir, String password) {
    EmbeddedCredentials.writePassword(dir, password);
    EmbeddedCredentials.writeHba(dir);
  }

  /**
   * Moves a running server that let anyone on localhost in (a folder from before passwords) to
   * password authentication: the superuser gets {@code password}, pg_hba.conf asks for it, and the
   * server reloads it. Until then the server lets anyone on localhost in, as it did before this
   * version. Safe to repeat after a crash half-way.
   */
  private static void requirePassword(EmbeddedPostgres server, Path dir, String password)
      throws IOException {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      // Hashed here (SCRAM), so the password itself never reaches the server or its logs.
      c.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
      EmbeddedCredentials.writeHba(dir);
      s.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IOException("cannot set the superuser's password: " + e.getMessage(), e);
    }
    log.info("embedded PostgreSQL in {} now asks every connection for a password", dir);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot delete the temporary file {}: {}", file, e.toString());
    }
  }

  /**
   * The password of the embedded server whose data is in {@code dir}, for a process that attaches
   * to it; empty for a folder that has none (yet).
   */
  public static Optional<String> password(Path dir) {
    try {
      return EmbeddedCredentials.readPassword(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded PostgreSQL's password", e);
    }
  }

  /**
   * The port of a server already running on {@code dir} (from its {@code postmaster.pid}), if its
   * process is alive.
   */
  public static Optional<Integer> runningPort(Path dir) {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.size() < 4) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).trim());
      int port = Integer.parseInt(lines.get(3).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> port);
    } catch (IOException | NumberFormatException e) {
      log.debug("unreadable {}: {}", pidFile, e.toString());
      return Optional.empty();
    }
  }

  /** The JDBC URL of the embedded server on {@code port}. */
  public static String jdbcUrl(int port) {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  public int port() {
    return server.getPort();
  }

  public String jdbcUrl() {
    return jdbcUrl(port());
  }

  /** The superuser's password; never log it. */
  public String password() {
    return password;
  }

  /** Stops the server (fast shutdown); the data stays. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
    }
  }
}
