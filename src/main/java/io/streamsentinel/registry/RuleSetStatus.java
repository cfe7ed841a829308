package io.streamsentinel.registry;

import java.util.Locale;

/** Where a published rule set stands. */
public enum RuleSetStatus {
  /** In force: every detector scores with it. At most one. */
  ACTIVE,
  /** Scored beside the rules in force on every transaction, logged, never acting. At most one. */
  SHADOW,
  /** Published before and replaced; {@code rules rollback} brings it back. */
  ARCHIVED;

  /** The lower-case name used on the wire and in output. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the value and the known ones
   */
  public static RuleSetStatus fromWire(String text) {
    for (RuleSetStatus s : values()) {
      if (s.wireName().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown rule set status '" + text + "'; known: active, shadow, archived");
  }
}
