package io.streamsentinel.persistence;

/** Where a review case stands: open, being worked (assigned), or resolved with a verdict. */
public enum CaseStatus {
  OPEN,
  IN_REVIEW,
  RESOLVED;

  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static CaseStatus parse(String text) {
    return WireNames.parse(CaseStatus.class, "case status", text);
  }
}
