package io.streamsentinel.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Writes JSON for a fixed layout straight into UTF-8 bytes, for the records written once per
 * transaction (the generator's transaction, the detector's decision): the caller writes the
 * punctuation and pre-encoded field names itself, and a string is copied char by char with no
 * context to check. Strings come out as Jackson's generator writes them with its defaults (UTF-8;
 * {@code "}, {@code \} and control chars escaped, short forms where JSON has them, else <code>
 * &#92;u00XX</code>; each half of a surrogate pair, or a lone one, as <code>&#92;uXXXX</code>), so
 * that records are the bytes they were when Jackson wrote them. Not thread-safe: one per thread,
 * {@linkplain #reset() reset} for each record.
 */
final class JsonBytes {

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
  };
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  /** The longest text of a long: a sign and 19 digits. */
  private static final int LONGEST_LONG = 20;

  /** Strings are copied out and written this many chars at a time. */
  private static final int SEGMENT = 1_024;

  /**
   * A reset writer whose bytes grew beyond this (a record with huge strings) starts small again.
   */
  private static final int LARGEST_KEPT = 64 * 1024;

  /**
   * One writer per thread for records written and copied out at once (decisions, alerts,
   * transactions): a record is written into it, then copied out at its length.
   */
  private static final ThreadLocal<JsonBytes> SCRATCH =
      ThreadLocal.withInitial(() -> new JsonBytes(4_096));

  private final int capacity;

  private byte[] bytes;
  private final char[] chars = new char[SEGMENT];
  private int length;

  JsonBytes(int capacity) {
    this.capacity = capacity;
    bytes = new byte[capacity];
  }

  /** This thread's writer, emptied; see {@link #SCRATCH}. */
  static JsonBytes scratch() {
    return SCRATCH.get().reset();
  }

  /** The bytes of a field name, punctuation or value known to be ASCII, for a constant. */
  static byte[] asciiBytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Each value's text in quotes, by ordinal: enum values written as JSON strings need no escapes.
   */
  static <E extends Enum<E>> byte[][] quoted(E[] values, Function<E, String> text) {
    byte[][] bytes = new byte[values.length][];
    for (E value : values) {
      bytes[value.ordinal()] = asciiBytes('"' + text.apply(value) + '"');
    }
    return bytes;
  }

  /** Empties the writer for the next record; returns it. */
  JsonBytes reset() {
    if (bytes.length > LARGEST_KEPT) {
      bytes = new byte[capacity];
    }
    length = 0;
    return this;
  }

  /** Appends pre-encoded bytes: punctuation, a field name, a value. */
  void raw(byte[] fragment) {
    ensure(fragment.length);
    System.arraycopy(fragment, 0, bytes, length, fragment.length);
    length += fragment.length;
  }

  /** An instant as a JSON string, in {@link InstantText#format}'s text. */
  void instant(Instant instant) {
    ensure(InstantText.LONGEST + 2);
    int end = InstantText.format(instant, bytes, length + 1);
    if (end < 0) {
      string(InstantText.format(instant)); // a year beyond four digits: its text as a String
      return;
    }
    bytes[length] = '"';
    bytes[end] = '"';
    length = end + 1;
  }

  void raw(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  /** Appends text known to be ASCII, such as a number's, unquoted. */
  void ascii(CharSequence text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length++] = (byte) text.charAt(i);
    }
  }

  /**
   * Appends {@code micros / 1e6} as {@link MicrosText} prints it; false, with nothing written, for
   * a magnitude it leaves to the caller.
   */
  boolean micros(long micros) {
    ensure(MicrosText.MAX_LENGTH);
    int end = MicrosText.format(micros, bytes, length);
    if (end < 0) {
      return false;
    }
    length = end;
    return true;
  }

  void number(long value) {
    if (value == Long.MIN_VALUE) {
      ascii(Long.toString(value)); // has no positive counterpart
      return;
    }
    ensure(LONGEST_LONG);
    long rest = value;
    if (rest < 0) {
      bytes[length++] = '-';
      rest = -rest;
    }
    int digits = 1;
    for (long r = rest / 10; r > 0; r /= 10) {
      digits++;
    }
    for (int i = length + digits - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    length += digits;
  }

  void bool(boolean value) {
    raw(value ? TRUE : FALSE);
  }

  void nullValue() {
    raw(NULL);
  }

  /** A field whose value may be absent: its pre-encoded name and the string, or nothing. */
  void optional(byte[] name, String value) {
    if (value != null) {
      raw(name);
      string(value);
    }
  }

  /** A quoted string, or {@code null}, as Jackson writes it (see the class). */
  void string(String text) {
    if (text == null) {
      nullValue();
      return;
    }
    raw((byte) '"');
    int n = text.length();
    for (int from = 0; from < n; from += SEGMENT) {
      segment(text, from, Math.min(n, from + SEGMENT));
    }
    raw((byte) '"');
  }

  /** Chars {@code from} to {@code to} (at most a segment) of {@code text}. */
  private void segment(String text, int from, int to) {
    int n = to - from;
    ensure(6 * n); // six bytes (an escape) at most per char
    char[] in = chars;
    text.getChars(from, to, in, 0); // one bulk copy, then a loop over an array
    byte[] out = bytes;
    int at = length;
    for (int i = 0; i < n; i++) {
      char c = in[i];
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          out[at++] = (byte) c;
        } else {
          at = escape(c, out, at);
        }
      } else if (c < 0x800) {
        out[at++] = (byte) (0xC0 | (c >> 6));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        at = hexEscape(c, out, at);
      } else {
        out[at++] = (byte) (0xE0 | (c >> 12));
        out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    length = at;
  }

  private static int escape(char c, byte[] out, int at) {
    char shortForm =
        switch (c) {
          case '"' -> '"';
          case '\\' -> '\\';
          case '\b' -> 'b';
          case '\t' -> 't';
          case '\n' -> 'n';
          case '\f' -> 'f';
          case '\r' -> 'r';
          default -> 0;
        };
    if (shortForm == 0) {
      return hexEscape(c, out, at);
    }
    out[at] = '\\';
    out[at + 1] = (byte) shortForm;
    return at + 2;
  }

  private static int hexEscape(char c, byte[] out, int at) {
    out[at] = '\\';
    out[at + 1] = 'u';
    for (int i = 0; i < 4; i++) {
      out[at + 2 + i] = HEX[(c >> (12 - 4 * i)) & 0xF];
    }
    return at + 6;
  }

  /** What was written, in an array of exactly its length. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  /**
   * What was written, then {@code tail} from {@code from} on: each copied once, into the result.
   */
  byte[] toByteArray(byte[] tail, int from) {
    byte[] result = Arrays.copyOf(bytes, length + tail.length - from);
    System.arraycopy(tail, from, result, length, tail.length - from);
    return result;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
    }
  }
}
