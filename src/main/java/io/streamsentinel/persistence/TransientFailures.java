package io.streamsentinel.persistence;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure worth waiting out (database down, restarting, overloaded, a deadlock, or one that
 * hits every row whatever it holds: read-only after a failover, a revoked grant, a missing table or
 * database, a refused login) from one that will fail the same way again for this row (a row the
 * database refuses). Waiting out the second kind is an outage the operator sees (health event, lag)
 * instead of the whole stream dead-lettered.
 */
final class TransientFailures {

  /**
   * Failures of the database, not of a row: 25006 read-only transaction, 42501 insufficient
   * privilege, 42P01 undefined table, 3D000 invalid catalog (no such database); 28xxx (login
   * refused) by prefix.
   */
  private static final Set<String> OUTAGE_STATES = Set.of("25006", "42501", "42P01", "3D000");

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
      if (OUTAGE_STATES.contains(state) || state.startsWith("28")) {
        return true;
      }
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
