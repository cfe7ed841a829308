package io.streamsentinel.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries in a Maven artifact, with its data in a folder
 * that survives restarts. A second process pointed at the same folder while the server runs
 * attaches to it instead (see {@link #runningPort}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** The embedded server's superuser and database. */
  public static final String USER = "postgres";

  private static final String DATABASE = "postgres";

  private final EmbeddedPostgres server;

  private EmbeddedDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  /**
   * Starts the server on {@code dir}; port 0 picks a free one.
   *
   * @param fresh delete the folder's data first
   * @throws UncheckedIOException naming the folder, when the server cannot start
   */
  public static EmbeddedDatabase start(Path dir, boolean fresh, int port) {
    try {
      if (fresh) {
        Utils.delete(dir.toFile());
      }
      Files.createDirectories(dir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              // Enough for a sink, the API and analytics; the server is for one machine's demo.
              .setServerConfig("max_connections", "50");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres server = builder.start();
      log.info("embedded PostgreSQL started on port {} with data in {}", server.getPort(), dir);
      return new EmbeddedDatabase(server);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          "cannot start the embedded PostgreSQL in "
              + dir
              + ": "
              + e.getMessage()
              + " (another process may be using the folder; use --db-url for an existing server)",
          e instanceof IOException io ? io : new IOException(e));
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
