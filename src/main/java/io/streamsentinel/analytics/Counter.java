package io.streamsentinel.analytics;

/** Totals that belong to no bucket; {@link #key()} is the stored name. */
public enum Counter {
  /** Every decoded decision. */
  DECISIONS("decisions"),
  /** Decisions on accounts already blocked (reason ACCOUNT_BLOCKED): enforcement, not detection. */
  ENFORCEMENT_DECISIONS("enforcement_decisions"),
  /** Detection decisions without an {@code is_fraud} label. */
  UNLABELLED_DECISIONS("unlabelled_decisions"),
  /** Records that could not be read as a decision; sent to persistence-dlq. */
  UNDECODABLE_RECORDS("undecodable_records");

  private final String key;

  Counter(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
