package io.streamsentinel.codec;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The known fields of a transaction on the wire; the snake_case wire name is the lower-case
 * constant name.
 */
enum WireField {
  EVENT_TYPE,
  TRANSACTION_ID,
  USER_ID,
  AMOUNT,
  TIMESTAMP,
  MERCHANT,
  CURRENCY,
  MERCHANT_CATEGORY,
  COUNTRY,
  CITY,
  LATITUDE,
  LONGITUDE,
  CHANNEL,
  DEVICE_ID,
  CARD_LAST4,
  IS_FRAUD,
  FRAUD_PATTERN;

  private static final Map<String, WireField> BY_WIRE_NAME = new HashMap<>();

  static {
    for (WireField field : values()) {
      BY_WIRE_NAME.put(field.wireName, field);
    }
  }

  /** The snake_case JSON name, e.g. {@code merchant_category}. */
  final String wireName = name().toLowerCase(Locale.ROOT);

  /** The wire name with its UTF-8 bytes computed once, for the reader to match field names. */
  final SerializableString serializedName = new SerializedString(wireName);

  /**
   * The field with this wire name, or null when the name is unknown. A hash lookup rather than a
   * string switch keeps the names in one place; Jackson canonicalises field names, so the hash is
   * already cached.
   */
  static WireField forWireName(String name) {
    return BY_WIRE_NAME.get(name);
  }

  /**
   * A distinct bit, to remember which fields a record had in one {@code int} (there are fewer than
   * 32).
   */
  int bit() {
    return 1 << ordinal();
  }
}
