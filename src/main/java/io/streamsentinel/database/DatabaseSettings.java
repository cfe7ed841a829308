package io.streamsentinel.database;

import io.streamsentinel.secrets.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how to use it.
 *
 * @param url JDBC URL of an existing PostgreSQL server; null means the embedded one
 * @param user user for {@code url}; null for the embedded server (its superuser)
 * @param password password for {@code url}; may be null; never logged (the embedded server's is
 *     read from its data folder)
 * @param embeddedDir data folder of the embedded server; never null
 * @param fresh wipe the embedded server's data before starting
 * @param poolSize connections in the pool (sink and API share it)
 * @param decisionRetention decision partitions whose day ended longer ago than this are dropped
 */
public record DatabaseSettings(
    String url,
    String user,
    String password,
    Path embeddedDir,
    boolean fresh,
    int poolSize,
    Duration decisionRetention) {

  /** The default pool: sink, API and analytics rarely need more on a small machine. */
  public static final int DEFAULT_POOL_SIZE = 6;

  /** The default retention of decisions. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

  public DatabaseSettings {
    Objects.requireNonNull(embeddedDir, "embeddedDir");
    Objects.requireNonNull(decisionRetention, "decisionRetention");
    if (url != null && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got "
              + Secrets.maskedUrl(url));
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
    }
    if (decisionRetention.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException(
          "decision retention must be at least one day, got " + decisionRetention);
    }
  }

  /** The embedded server in {@code dir} with the defaults. */
  public static DatabaseSettings embedded(Path dir, boolean fresh) {
    return new DatabaseSettings(null, null, null, dir, fresh, DEFAULT_POOL_SIZE, DEFAULT_RETENTION);
  }

  public boolean isEmbedded() {
    return url == null;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return isEmbedded()
        ? "embedded PostgreSQL in " + embeddedDir
        : Secrets.maskedUrl(url) + " as " + user + (password == null ? "" : " (password set)");
  }
}
