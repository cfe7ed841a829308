package io.streamsentinel.domain;

/**
 * What the responder has decided about a user's account, as read back from {@code account-status}.
 * A user with no status record is {@link #ACTIVE}. The wire form is the upper-case name.
 */
public enum AccountStatus {
  /** No restriction. */
  ACTIVE,
  /** The next transactions need step-up authentication; scoring adds a reason for it. */
  STEP_UP_REQUIRED,
  /** Every transaction of the account is a critical decision. */
  BLOCKED;

  /** The wire name, e.g. {@code STEP_UP_REQUIRED}. */
  public String wireName() {
    return name();
  }

  /**
   * Parses the wire name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value when it is unknown or null
   */
  public static AccountStatus fromWire(String value) {
    for (AccountStatus status : values()) {
      if (status.name().equalsIgnoreCase(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "unknown account status '" + value + "' (expected ACTIVE, STEP_UP_REQUIRED or BLOCKED)");
  }
}
