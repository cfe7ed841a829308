package io.streamsentinel.persistence;

import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The number of decision rows stored: what the demo summary reports as {@code persisted}. */
public final class DecisionCount {

  private DecisionCount() {}

  /**
   * @throws DatabaseException naming the database, when it cannot be queried
   */
  public static long of(Database database) {
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM decisions")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new DatabaseException("cannot count decisions in " + database.description(), e);
    }
  }
}
