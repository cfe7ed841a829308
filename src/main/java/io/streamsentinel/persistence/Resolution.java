package io.streamsentinel.persistence;

import java.util.Arrays;
import java.util.Locale;

/** An analyst's verdict on a case: the label later learning trains on. */
public enum Resolution {
  CONFIRMED_FRAUD(true),
  FALSE_POSITIVE(false);

  private final boolean fraud;

  Resolution(boolean fraud) {
    this.fraud = fraud;
  }

  /** The label this verdict gives the transaction. */
  public boolean isFraud() {
    return fraud;
  }

  /** As stored and sent: {@code confirmed_fraud}, {@code false_positive}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Resolution parse(String text) {
    for (Resolution r : values()) {
      if (r.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown resolution '"
            + text
            + "'; expected one of "
            + Arrays.stream(values()).map(Resolution::wireName).toList());
  }
}
