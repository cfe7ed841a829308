package io.streamsentinel.persistence;

import java.util.Arrays;
import java.util.Locale;

/** Where a review case stands: open, being worked (assigned), or resolved with a verdict. */
public enum CaseStatus {
  OPEN,
  IN_REVIEW,
  RESOLVED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static CaseStatus parse(String text) {
    for (CaseStatus s : values()) {
      if (s.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown case status '"
            + text
            + "'; expected one of "
            + Arrays.stream(values()).map(CaseStatus::wireName).toList());
  }
}
