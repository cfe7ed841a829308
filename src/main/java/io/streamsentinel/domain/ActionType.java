package io.streamsentinel.domain;

/**
 * What the responder does about an alert, or an operator does by hand. The wire name is the name.
 */
public enum ActionType {
  /** Blocks the account: {@code account-status} becomes BLOCKED. */
  BLOCK_ACCOUNT,
  /** Tells the fraud team. */
  NOTIFY_FRAUD_TEAM,
  /** The user's next transactions need step-up authentication until it expires. */
  REQUIRE_STEP_UP_AUTH,
  /** Opens a case for an investigator. */
  OPEN_INVESTIGATION,
  /** Queues the transaction for an analyst. */
  MANUAL_REVIEW,
  /** Only watches the user more closely. */
  MONITOR,
  /** A manual override that makes a blocked account active again. */
  UNBLOCK_ACCOUNT;

  /** The wire name, e.g. {@code BLOCK_ACCOUNT}. */
  public String wireName() {
    return name();
  }

  /**
   * Parses the wire name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value when it is unknown or null
   */
  public static ActionType fromWire(String value) {
    for (ActionType type : values()) {
      if (type.name().equalsIgnoreCase(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown action type '" + value + "'");
  }
}
