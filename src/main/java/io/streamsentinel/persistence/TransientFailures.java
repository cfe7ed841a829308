package io.streamsentinel.persistence;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a failure worth waiting out (database down, restarting, overloaded, a deadlock) from one
 * that will fail the same way again (a row the database refuses).
 */
final class TransientFailures {

  private TransientFailures() {}

  static boolean isTransient(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (s instanceof SQLTransientException || s instanceof SQLRecoverableException) {
        return true;
      }
      String state = s.getSQLState();
      if (state == null) {
        // Pool timeouts and lost connections may come without a state: wait them out.
        return true;
      }
      // 08 connection, 40 rollback (deadlock, serialisation), 53 resources, 57 operator (shutdown),
      // 58 system error.
      if (state.startsWith("08")
          || state.startsWith("40")
          || state.startsWith("53")
          || state.startsWith("57")
          || state.startsWith("58")) {
        return true;
      }
    }
    return false;
  }
}
