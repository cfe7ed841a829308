package io.streamsentinel.access;

import java.util.Objects;

/**
 * Who a presented key stands for: its name is the identity written to audit entries and label
 * events, never a name the request carries.
 *
 * @param keyId the key's row id
 * @param name the key's name, e.g. "ana"
 * @param role what the key may do
 */
public record Caller(long keyId, String name, Role role) {

  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }
}
