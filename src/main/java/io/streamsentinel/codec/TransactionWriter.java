package io.streamsentinel.codec;

import io.streamsentinel.domain.Transaction;
import java.nio.charset.StandardCharsets;

/**
 * Writes a transaction as one JSON object, leaving out null fields; the field order is fixed. This
 * is the canonical form that {@link CanonicalTransactionReader} reads straight from the bytes. It
 * writes straight into UTF-8 bytes ({@link JsonBytes}) the text Jackson's generator wrote for it
 * with its defaults, byte for byte (the tests hold the two side by side): the generator's send loop
 * writes one for every record it sends.
 */
final class TransactionWriter {

  /** How every transaction starts: its event type is never null ({@link Transaction}). */
  private static final byte[] START = ascii("{\"" + WireField.EVENT_TYPE.wireName + "\":");

  /** Each field's name, with the comma before it, in quotes with its colon; by ordinal. */
  private static final byte[][] NAMES = names();

  private TransactionWriter() {}

  /** Writes {@code tx} into {@code out}, which the caller has reset. */
  static void write(JsonBytes out, Transaction tx) {
    out.raw(START);
    out.string(tx.eventType());
    string(out, WireField.TRANSACTION_ID, tx.transactionId());
    string(out, WireField.USER_ID, tx.userId());
    out.raw(NAMES[WireField.AMOUNT.ordinal()]);
    // BigDecimal.toString keeps the scale (250.00 stays 250.00) and never goes through a double.
    out.ascii(tx.amount().toString());
    out.raw(NAMES[WireField.TIMESTAMP.ordinal()]);
    out.instant(tx.timestamp());
    string(out, WireField.MERCHANT, tx.merchant());
    string(out, WireField.CURRENCY, tx.currency());
    string(out, WireField.MERCHANT_CATEGORY, tx.merchantCategory());
    string(out, WireField.COUNTRY, tx.country());
    string(out, WireField.CITY, tx.city());
    coordinate(out, WireField.LATITUDE, tx.latitude());
    coordinate(out, WireField.LONGITUDE, tx.longitude());
    if (tx.channel() != null) {
      string(out, WireField.CHANNEL, tx.channel().wireName());
    }
    string(out, WireField.DEVICE_ID, tx.deviceId());
    string(out, WireField.CARD_LAST4, tx.cardLast4());
    if (tx.isFraud() != null) {
      out.raw(NAMES[WireField.IS_FRAUD.ordinal()]);
      out.bool(tx.isFraud());
    }
    string(out, WireField.FRAUD_PATTERN, tx.fraudPattern());
    out.raw((byte) '}');
  }

  private static void string(JsonBytes out, WireField field, String value) {
    if (value != null) {
      out.raw(NAMES[field.ordinal()]);
      out.string(value);
    }
  }

  /**
   * A coordinate as Jackson wrote it, {@link Double#toString}'s text. A value that is a whole
   * number of millionths, as the generator's are, takes {@link MicrosText}, which prints that same
   * text without formatting a {@code double}.
   */
  private static void coordinate(JsonBytes out, WireField field, Double value) {
    if (value == null) {
      return;
    }
    out.raw(NAMES[field.ordinal()]);
    double v = value;
    long micros = Math.round(v * 1e6);
    if (micros / 1e6 != v || !out.micros(micros)) {
      out.ascii(Double.toString(v));
    }
  }

  private static byte[][] names() {
    WireField[] fields = WireField.values();
    byte[][] names = new byte[fields.length][];
    for (WireField field : fields) {
      names[field.ordinal()] = ascii(",\"" + field.wireName + "\":");
    }
    return names;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
