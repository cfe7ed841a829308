package io.streamsentinel.access;

import java.util.Locale;

/**
 * What a key may do, from least to most: each role includes every right of the roles before it
 * (admin ⊇ operator ⊇ analyst ⊇ viewer).
 */
public enum Role {
  /** Reads: the dashboard, the GET APIs, {@code /metrics}. */
  VIEWER,
  /** Works review cases: assign and resolve. */
  ANALYST,
  /** Changes accounts, rules and models (when those have endpoints). */
  OPERATOR,
  /** Manages keys. */
  ADMIN;

  /** Whether a key with this role may do what {@code required} may. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }

  /** The name in the database, the CLI and JSON: lower case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role named {@code text} (any case).
   *
   * @throws IllegalArgumentException listing the roles, for any other text
   */
  public static Role parse(String text) {
    for (Role role : values()) {
      if (role.wireName().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + text + "': viewer, analyst, operator or admin");
  }
}
