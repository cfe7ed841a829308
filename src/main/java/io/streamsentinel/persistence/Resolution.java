package io.streamsentinel.persistence;

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
    return WireNames.of(this);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Resolution parse(String text) {
    return WireNames.parse(Resolution.class, "resolution", text);
  }
}
