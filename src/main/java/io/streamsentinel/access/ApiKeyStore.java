package io.streamsentinel.access;

import io.streamsentinel.database.Database;
import io.streamsentinel.database.DatabaseException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API keys in PostgreSQL (table {@code api_keys}): created with a random text shown once, only
 * its SHA-256 stored; listed; revoked by name or id; and checked on every request by an indexed
 * lookup of the hash. Creating and revoking a key is audit-logged in the same transaction.
 */
public final class ApiKeyStore implements KeyVerifier {

  /** A name starts with a letter, so a revoke argument of digits only is always an id. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._@-]{0,63}");

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = "key_id, name, role, created_at, revoked_at";

  private final Database database;
  private final Clock clock;
  private final SecureRandom random;

  public ApiKeyStore(Database database, Clock clock, SecureRandom random) {
    this.database = database;
    this.clock = clock;
    this.random = random;
  }

  /** Over the system clock and a fresh {@link SecureRandom}. */
  public ApiKeyStore(Database database) {
    this(database, Clock.systemUTC(), new SecureRandom());
  }

  /**
   * Creates a key in force.
   *
   * @param actor who creates it, for the audit log (e.g. "cli:alice", "demo")
   * @throws ApiKeyException for a bad name or one a key in force already has
   */
  public IssuedKey create(String name, Role role, String actor) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ApiKeyException(
          "a key name is 1 to 64 letters, digits or . _ @ -, starting with a letter; got '"
              + name
              + "'");
    }
    String secret = ApiKeySecrets.generate(random);
    Instant now = clock.instant();
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        long id;
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO api_keys (name, role, key_hash, created_at) VALUES (?, ?, ?, ?)"
                    + " RETURNING key_id")) {
          ps.setString(1, name);
          ps.setString(2, role.wireName());
          ps.setBytes(3, ApiKeySecrets.hash(secret));
          ps.setTimestamp(4, Timestamp.from(now));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
          }
        }
        // The name matched NAME, so it needs no JSON escaping.
        String details = "{\"name\":\"" + name + "\",\"role\":\"" + role.wireName() + "\"}";
        audit(c, now, actor, "create_api_key", id, details);
        c.commit();
        return new IssuedKey(new ApiKeyInfo(id, name, role, now, null), secret);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new ApiKeyException(
            "a key named '" + name + "' is in force; revoke it first or choose another name");
      }
      throw new DatabaseException("cannot create the API key " + name, e);
    }
  }

  /** Every key, in force or revoked, oldest first. */
  public List<ApiKeyInfo> list() {
    try (Connection c = database.connection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys ORDER BY key_id");
        ResultSet rs = ps.executeQuery()) {
      List<ApiKeyInfo> keys = new ArrayList<>();
      while (rs.next()) {
        keys.add(info(rs));
      }
      return keys;
    } catch (SQLException e) {
      throw new DatabaseException("cannot list the API keys", e);
    }
  }

  /**
   * Revokes the key in force with this name, or the key with this id when {@code nameOrId} is
   * digits only; a key stops working within {@link CachedVerifier}'s time to live.
   *
   * @return the key as revoked
   * @throws ApiKeyException when no such key is in force
   */
  public ApiKeyInfo revoke(String nameOrId, String actor) {
    boolean byId = nameOrId != null && nameOrId.matches("[0-9]{1,18}");
    Instant now = clock.instant();
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE api_keys SET revoked_at = ? WHERE revoked_at IS NULL AND "
                  + (byId ? "key_id = ?" : "name = ?")
                  + " RETURNING "
                  + COLUMNS)) {
        ps.setTimestamp(1, Timestamp.from(now));
        if (byId) {
          ps.setLong(2, Long.parseLong(nameOrId));
        } else {
          ps.setString(2, nameOrId);
        }
        ApiKeyInfo revoked;
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            c.rollback();
            throw new ApiKeyException(
                "no key in force with " + (byId ? "id " : "name ") + nameOrId);
          }
          revoked = info(rs);
        }
        audit(c, now, actor, "revoke_api_key", revoked.keyId(), "{}");
        c.commit();
        return revoked;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseException("cannot revoke the API key " + nameOrId, e);
    }
  }

  @Override
  public Optional<Caller> verify(String presentedKey) {
    if (!ApiKeySecrets.isWellFormed(presentedKey)) {
      return Optional.empty(); // no lookup for what cannot be a key
    }
    try (Connection c = database.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")) {
      ps.setBytes(1, ApiKeySecrets.hash(presentedKey));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(info(rs).caller()) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DatabaseException("cannot check an API key", e);
    }
  }

  private static ApiKeyInfo info(ResultSet rs) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new ApiKeyInfo(
        rs.getLong("key_id"),
        rs.getString("name"),
        Role.parse(rs.getString("role")),
        rs.getTimestamp("created_at").toInstant(),
        revoked == null ? null : revoked.toInstant());
  }

  private static void audit(
      Connection c, Instant at, String actor, String action, long keyId, String details)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (at, actor, action, subject, details, source)"
                + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), 'apikey')")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setString(2, actor);
      ps.setString(3, action);
      ps.setString(4, "api-key-" + keyId);
      ps.setString(5, details);
      ps.executeUpdate();
    }
  }
}
