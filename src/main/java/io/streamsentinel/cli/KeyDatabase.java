package io.streamsentinel.cli;

import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseException;
import io.streamsentinel.database.DatabaseSettings;
import io.streamsentinel.database.EmbeddedDatabase;

/**
 * The database a component without one of its own (detector, responder, generator) reads API keys
 * from when it serves HTTP: {@code --db-url}, or the embedded PostgreSQL another process (the demo,
 * {@code persist}) already runs. It never starts the embedded server itself: a detector that did
 * would stop it, under the other processes, when it stops.
 */
final class KeyDatabase {

  private KeyDatabase() {}

  /**
   * @throws DatabaseException when the embedded server is not running, or the database cannot be
   *     opened
   */
  static Database open(DatabaseOptions options) {
    DatabaseSettings settings = options.settings(false);
    if (settings.isEmbedded() && EmbeddedDatabase.runningPort(settings.embeddedDir()).isEmpty()) {
      throw new DatabaseException(
          "the HTTP server checks API keys in the database, but no embedded PostgreSQL runs in "
              + settings.embeddedDir()
              + ": start `sentinel persist` or the demo first, or give --db-url",
          null);
    }
    return Database.open(settings);
  }
}
