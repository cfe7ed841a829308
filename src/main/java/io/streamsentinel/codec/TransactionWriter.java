package io.streamsentinel.codec;

import static io.streamsentinel.codec.JsonBytes.asciiBytes;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;

/**
 * Writes a transaction as one JSON object, leaving out null fields; the field order is fixed. This
 * is the canonical form that {@link CanonicalTransactionReader} reads straight from the bytes. It
 * writes straight into UTF-8 bytes ({@link JsonBytes}) the text Jackson's generator wrote for it
 * with its defaults, byte for byte (the tests hold the two side by side): the generator's send loop
 * writes one for every record it sends.
 */
final class TransactionWriter {

  /** Each field's name, with the comma before it, in quotes with its colon; by ordinal. */
  private static final byte[][] NAMES = names();

  private static final byte[][] CHANNELS = JsonBytes.quoted(Channel.values(), Channel::wireName);

  /** How every transaction starts: its event type is never null ({@link Transaction}). */
  private static final byte[] START = start();

  private TransactionWriter() {}

  /** Writes {@code tx} into {@code out}, which the caller has reset. */
  static void write(JsonBytes out, Transaction tx) {
    out.raw(START);
    out.string(tx.eventType());
    out.optional(name(WireField.TRANSACTION_ID), tx.transactionId());
    out.optional(name(WireField.USER_ID), tx.userId());
    out.raw(name(WireField.AMOUNT));
    // BigDecimal.toString keeps the scale (250.00 stays 250.00) and never goes through a double.
    out.ascii(tx.amount().toString());
    out.raw(name(WireField.TIMESTAMP));
    out.instant(tx.timestamp());
    out.optional(name(WireField.MERCHANT), tx.merchant());
    out.optional(name(WireField.CURRENCY), tx.currency());
    out.optional(name(WireField.MERCHANT_CATEGORY), tx.merchantCategory());
    out.optional(name(WireField.COUNTRY), tx.country());
    out.optional(name(WireField.CITY), tx.city());
    coordinate(out, WireField.LATITUDE, tx.latitude());
    coordinate(out, WireField.LONGITUDE, tx.longitude());
    if (tx.channel() != null) {
      out.raw(name(WireField.CHANNEL));
      out.raw(channel(tx.channel()));
    }
    out.optional(name(WireField.DEVICE_ID), tx.deviceId());
    out.optional(name(WireField.CARD_LAST4), tx.cardLast4());
    if (tx.isFraud() != null) {
      out.raw(name(WireField.IS_FRAUD));
      out.bool(tx.isFraud());
    }
    out.optional(name(WireField.FRAUD_PATTERN), tx.fraudPattern());
    out.raw((byte) '}');
  }

  /** Jackson's text of a double, {@link Double#toString}'s; a transaction's are always finite. */
  private static void coordinate(JsonBytes out, WireField field, Double value) {
    if (value != null) {
      out.raw(name(field));
      out.ascii(Double.toString(value));
    }
  }

  /** A channel's wire name in quotes, as transactions and decisions carry it. */
  static byte[] channel(Channel channel) {
    return CHANNELS[channel.ordinal()];
  }

  private static byte[] name(WireField field) {
    return NAMES[field.ordinal()];
  }

  private static byte[][] names() {
    WireField[] fields = WireField.values();
    byte[][] names = new byte[fields.length][];
    for (WireField field : fields) {
      names[field.ordinal()] = asciiBytes(",\"" + field.wireName + "\":");
    }
    return names;
  }

  /** The first field's name after the opening brace instead of a comma. */
  private static byte[] start() {
    byte[] start = name(WireField.EVENT_TYPE).clone();
    start[0] = '{';
    return start;
  }
}
