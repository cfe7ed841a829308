package io.streamsentinel.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored key as listed: everything but its text, which is never stored, and its hash, which is
 * never shown.
 *
 * @param keyId the row id; revoke by it or by name
 * @param name unique among the keys in force
 * @param revokedAt null while the key is in force
 */
public record ApiKeyInfo(long keyId, String name, Role role, Instant createdAt, Instant revokedAt) {

  public ApiKeyInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean inForce() {
    return revokedAt == null;
  }

  public Caller caller() {
    return new Caller(keyId, name, role);
  }
}
