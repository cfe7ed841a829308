package io.streamsentinel.codec;

import com.fasterxml.jackson.core.io.NumberInput;
import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a transaction straight from its bytes when they are in the form {@link TransactionWriter}
 * writes: one compact object, the known fields in their order (any of them left out), text without
 * escapes, JSON numbers, nothing long. Everything else, and every record that reader would refuse,
 * it declines with null, and {@link TransactionReader} reads the record with Jackson's parser as
 * before. So what is accepted, the values and the refusals stay that reader's; this one only does
 * less work for the records our own writers send, which are nearly all of them. The checks that
 * follow reading (the years, the event-time window) apply to both.
 *
 * <p>Stateless and thread-safe.
 */
final class CanonicalTransactionReader {

  private static final WireField[] FIELDS = WireField.values();

  /** Each field's name as it lies on the wire: quoted, followed by the colon. */
  private static final byte[][] NAMES = new byte[FIELDS.length][];

  static {
    for (WireField field : FIELDS) {
      NAMES[field.ordinal()] = ('"' + field.wireName + "\":").getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * Text longer than this, in bytes, is declined: far above every text limit's default, and far
   * below Jackson's own bound on a string's length, which its reader then enforces.
   */
  private static final int MAX_TEXT_BYTES = 4_096;

  /**
   * Numbers longer than this, in chars, are declined: a double as Java prints it has at most 24,
   * and Jackson's reader bounds a number's length itself (1,000 digits by default).
   */
  private static final int MAX_NUMBER_CHARS = 32;

  /** Unscaled values of up to 18 digits fit a long. */
  private static final int MAX_DIGITS = 18;

  /** A double is exact below 2^53, and so are the powers of ten up to 10^22. */
  private static final long MAX_EXACT_DOUBLE = 1L << 53;

  /** 10^0 to 10^18: a number of at most 18 digits has no larger scale. */
  private static final double[] POWERS_OF_TEN = new double[MAX_DIGITS + 1];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private CanonicalTransactionReader() {}

  /**
   * The transaction, or null when the bytes are not in the canonical form or hold a value the codec
   * refuses; the caller then reads them with the full reader, which gives the same transaction or
   * the refusal.
   */
  static Transaction read(byte[] bytes, TransactionLimits limits) {
    try {
      return new Cursor(bytes, limits).transaction();
    } catch (RuntimeException declined) {
      // A value Transaction or Channel refuses, or an index past the end of a cut-off record: the
      // full reader words the refusal. (A fault of this class's own would show the same way, as a
      // slower read; CanonicalTransactionReaderTest requires it to read our writers' records.)
      return null;
    }
  }

  /** The position in one record; created per record. */
  private static final class Cursor {

    private final byte[] in;
    private final TransactionLimits limits;
    private int at;

    Cursor(byte[] in, TransactionLimits limits) {
      this.in = in;
      this.limits = limits;
    }

    Transaction transaction() {
      if (in[at++] != '{') {
        return null;
      }
      Transaction.Builder builder = Transaction.builder();
      int next = 0;
      do {
        WireField field = name(next);
        if (field == null || !value(field, builder)) {
          return null;
        }
        next = field.ordinal() + 1;
      } while (in[at++] == ',');
      // The object ends here, at the record's last byte.
      return in[at - 1] == '}' && at == in.length ? builder.build() : null;
    }

    /** The field whose name lies at the cursor, searched from {@code from} on; null for none. */
    private WireField name(int from) {
      for (int i = from; i < FIELDS.length; i++) {
        if (startsWith(NAMES[i])) {
          at += NAMES[i].length;
          return FIELDS[i];
        }
      }
      return null;
    }

    private boolean startsWith(byte[] name) {
      if (at + name.length > in.length) {
        return false;
      }
      for (int i = 0; i < name.length; i++) {
        if (in[at + i] != name[i]) {
          return false;
        }
      }
      return true;
    }

    /** Reads the field's value into the builder; false when it is not in canonical form. */
    private boolean value(WireField field, Transaction.Builder b) {
      switch (field) {
        case EVENT_TYPE -> b.eventType(text());
        case TRANSACTION_ID -> b.transactionId(id());
        case USER_ID -> b.userId(id());
        case AMOUNT -> b.amount(amount());
        case TIMESTAMP -> b.timestamp(timestamp());
        case MERCHANT -> b.merchant(text());
        case CURRENCY -> b.currency(text());
        case MERCHANT_CATEGORY -> b.merchantCategory(text());
        case COUNTRY -> b.country(text());
        case CITY -> b.city(text());
        case LATITUDE -> b.latitude(number());
        case LONGITUDE -> b.longitude(number());
        case CHANNEL -> b.channel(channel());
        case DEVICE_ID -> b.deviceId(text());
        case CARD_LAST4 -> b.cardLast4(text());
        case IS_FRAUD -> b.isFraud(bool());
        case FRAUD_PATTERN -> b.fraudPattern(text());
      }
      return !declined;
    }

    /** Set when a value is not in canonical form; the record is then declined. */
    private boolean declined;

    private String text() {
      String text = string();
      if (text != null && text.length() > limits.maxTextChars()) {
        declined = true;
      }
      return text;
    }

    /** An id: a string, bounded in length by {@link Transaction}, not by the text limit. */
    private String id() {
      return string();
    }

    private Channel channel() {
      String wire = text();
      return wire == null ? null : Channel.fromWire(wire);
    }

    /**
     * A JSON string without escapes, of printable chars: no C0 control character, no DEL, and
     * well-formed UTF-8 (which cannot hold an unpaired surrogate); null, and the record declined,
     * for anything else.
     */
    private String string() {
      if (in[at] != '"') {
        declined = true;
        return null;
      }
      int start = ++at;
      boolean ascii = true;
      while (true) {
        int b = in[at];
        if (b == '"') {
          break;
        }
        if (b < 0) {
          int length = utf8Sequence(at);
          if (length == 0) {
            declined = true;
            return null;
          }
          ascii = false;
          at += length;
        } else if (b < ' ' || b == '\\' || b == 0x7f) {
          declined = true;
          return null;
        } else {
          at++;
        }
      }
      if (at - start > MAX_TEXT_BYTES) {
        declined = true;
        return null;
      }
      String text =
          new String(
              in, start, at - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      at++;
      return text;
    }

    /**
     * The length of the well-formed UTF-8 sequence of two to four bytes at {@code i} (RFC 3629: no
     * overlong forms, no surrogates, nothing above U+10FFFF), or 0.
     */
    private int utf8Sequence(int i) {
      int lead = in[i] & 0xff;
      int length;
      int min;
      if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        min = 0x80;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        min = 0x800;
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        min = 0x10000;
      } else {
        return 0;
      }
      int codePoint = lead & (0x7f >> length);
      for (int k = 1; k < length; k++) {
        int next = in[i + k] & 0xff;
        if ((next & 0xc0) != 0x80) {
          return 0;
        }
        codePoint = codePoint << 6 | next & 0x3f;
      }
      boolean surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
      return codePoint < min || codePoint > 0x10ffff || surrogate ? 0 : length;
    }

    private Instant timestamp() {
      String text = string();
      if (text == null) {
        return null;
      }
      try {
        return InstantText.parse(text);
      } catch (DateTimeParseException e) {
        declined = true;
        return null;
      }
    }

    private Boolean bool() {
      if (matches("true")) {
        return Boolean.TRUE;
      }
      if (matches("false")) {
        return Boolean.FALSE;
      }
      declined = true;
      return null;
    }

    private boolean matches(String literal) {
      for (int i = 0; i < literal.length(); i++) {
        if (in[at + i] != literal.charAt(i)) {
          return false;
        }
      }
      at += literal.length();
      return true;
    }

    // The JSON number just read: its text from numberStart, its sign, the digits before any
    // exponent as an unscaled value (when there are at most 18 of them) and their scale.
    private int numberStart;
    private boolean negative;
    private int digits;
    private long unscaled;
    private int scale;
    private boolean exponent;

    /**
     * Reads a JSON number, -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; false, and the record
     * declined, for anything else.
     */
    private boolean jsonNumber() {
      numberStart = at;
      negative = in[at] == '-';
      if (negative) {
        at++;
      }
      int start = at;
      long value = 0;
      while (isDigit(in[at])) {
        value = value * 10 + (in[at++] - '0');
      }
      int integerDigits = at - start;
      int fractionDigits = 0;
      if (in[at] == '.') {
        at++;
        int fractionStart = at;
        while (isDigit(in[at])) {
          value = value * 10 + (in[at++] - '0');
        }
        fractionDigits = at - fractionStart;
      }
      exponent = in[at] == 'e' || in[at] == 'E';
      boolean exponentDigits = true;
      if (exponent) {
        at++;
        if (in[at] == '+' || in[at] == '-') {
          at++;
        }
        int exponentStart = at;
        while (isDigit(in[at])) {
          at++;
        }
        exponentDigits = at > exponentStart;
      }
      if (integerDigits == 0
          || at - numberStart > MAX_NUMBER_CHARS
          || integerDigits > 1 && in[start] == '0'
          || in[start + integerDigits] == '.' && fractionDigits == 0
          || !exponentDigits) {
        declined = true;
        return false;
      }
      digits = integerDigits + fractionDigits;
      unscaled = value; // meaningful only for up to 18 digits
      scale = fractionDigits;
      return true;
    }

    private static boolean isDigit(byte b) {
      return b >= '0' && b <= '9';
    }

    /**
     * The amount exactly as written, with its scale: a plain decimal of at most 18 digits (the
     * codec allows 18 decimal places); declined beyond the codec's bounds.
     */
    private BigDecimal amount() {
      if (!jsonNumber() || exponent || digits > MAX_DIGITS) {
        declined = true;
        return null;
      }
      BigDecimal amount = BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
      if (amount.compareTo(limits.maxAmount()) > 0) {
        declined = true;
      }
      return amount;
    }

    /**
     * The double Jackson's parser reads: the correctly rounded value of the number. A JSON integer
     * of up to 18 digits is converted as an integer (Jackson reads {@code -0} as the integer 0,
     * without a sign); an integer below 2^53 divided by an exact power of ten is rounded once, by
     * the division; any other number goes through Jackson's own fast double parser.
     */
    private Double number() {
      if (!jsonNumber()) {
        return null;
      }
      boolean integer = scale == 0 && !exponent;
      if (integer && digits > MAX_DIGITS) {
        declined = true; // a big integer: far out of every coordinate's range
        return null;
      }
      if (integer) {
        return (double) (negative ? -unscaled : unscaled);
      }
      if (!exponent && digits <= MAX_DIGITS && unscaled < MAX_EXACT_DOUBLE) {
        double magnitude = unscaled / POWERS_OF_TEN[scale];
        return negative ? -magnitude : magnitude;
      }
      String text = new String(in, numberStart, at - numberStart, StandardCharsets.ISO_8859_1);
      return NumberInput.parseDouble(text, true);
    }
  }
}
