package io.streamsentinel.registry;

import java.util.Locale;

/** Where a model version stands. */
public enum ModelStatus {
  /** Trained and registered, never in force. */
  CANDIDATE,
  /** In force: every detector scores with it. At most one version is champion. */
  CHAMPION,
  /** Scored beside the champion on every transaction, logged, never acting. At most one. */
  SHADOW,
  /** A former champion, replaced by a newer one; it can be promoted again. */
  ARCHIVED,
  /** Withdrawn by an operator; it can still be promoted again deliberately. */
  RETIRED;

  /** The lower-case name used on the wire and in output. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the value and the known ones
   */
  public static ModelStatus fromWire(String text) {
    for (ModelStatus s : values()) {
      if (s.wireName().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown model status '"
            + text
            + "'; known: candidate, champion, shadow, archived, retired");
  }
}
