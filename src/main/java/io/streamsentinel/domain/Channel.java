package io.streamsentinel.domain;

import java.util.Locale;

/** How a card was used. The wire form is the lower-case name. */
public enum Channel {
  ONLINE,
  CARD_PRESENT,
  ATM;

  private static final Channel[] ALL = values();

  /** Computed once: the codecs write it for every transaction and decision. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The snake_case wire name, e.g. {@code card_present}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses the wire name (case-insensitive).
   *
   * @throws InvalidTransactionException naming the {@code channel} field when the value is unknown
   */
  public static Channel fromWire(String value) {
    for (Channel channel : ALL) {
      if (channel.name().equalsIgnoreCase(value)) {
        return channel;
      }
    }
    throw new InvalidTransactionException(
        "channel", "unknown value '" + value + "' (expected online, card_present or atm)");
  }
}
