package io.streamsentinel.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.copy.CopyIn;

/**
 * Builds the text format of PostgreSQL's {@code COPY ... FROM STDIN}: tab between columns, newline
 * after each row, {@code \N} for null, and backslash escapes for the characters that would break
 * the format.
 *
 * <p>The text goes straight into UTF-8 bytes (the encoding the driver sets for the session), in
 * fixed chunks that are handed to the driver as they are: no intermediate {@code String} of the
 * whole batch, no second copy while the driver encodes it, and no array large enough to be a
 * humongous allocation. A built text is not changed again, so it can be sent twice (the COPY into
 * the staging table after a duplicate key) and built on one thread and sent from another.
 */
final class CopyText {

  private static final int CHUNK = 64 * 1024;
  private static final byte[] NULL = {'\\', 'N'};

  private final List<byte[]> filled = new ArrayList<>();
  private byte[] chunk = new byte[CHUNK];
  private int used;
  private boolean rowStarted;

  CopyText column(String value) {
    separate();
    if (value == null) {
      bytes(NULL);
    } else {
      escape(value);
    }
    return this;
  }

  CopyText column(Instant value) {
    separate();
    if (value == null) {
      bytes(NULL);
    } else {
      timestamp(value);
    }
    return this;
  }

  CopyText column(BigDecimal value) {
    return column(value == null ? null : value.toPlainString());
  }

  CopyText column(double value) {
    separate();
    ascii(Double.toString(value));
    return this;
  }

  CopyText column(Boolean value) {
    separate();
    if (value == null) {
      bytes(NULL);
    } else {
      put(value ? (byte) 't' : (byte) 'f');
    }
    return this;
  }

  CopyText endRow() {
    put((byte) '\n');
    rowStarted = false;
    return this;
  }

  /** The bytes built so far, in chunk order. */
  int size() {
    return filled.size() * CHUNK + used;
  }

  /** Streams the text into an open COPY. */
  void writeTo(CopyIn copy) throws SQLException {
    for (byte[] full : filled) {
      copy.writeToCopy(full, 0, full.length);
    }
    copy.writeToCopy(chunk, 0, used);
  }

  /** The text as a string, for tests and messages. */
  @Override
  public String toString() {
    byte[] all = new byte[size()];
    int at = 0;
    for (byte[] full : filled) {
      System.arraycopy(full, 0, all, at, full.length);
      at += full.length;
    }
    System.arraycopy(chunk, 0, all, at, used);
    return new String(all, StandardCharsets.UTF_8);
  }

  private void separate() {
    if (rowStarted) {
      put((byte) '\t');
    }
    rowStarted = true;
  }

  /**
   * ISO-8601 in UTC with the fraction PostgreSQL keeps (microseconds): the same instant {@link
   * Instant#toString} names, without the formatter's allocation per value.
   */
  private void timestamp(Instant value) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 1 || year > 9999) {
      ascii(value.toString()); // rare enough not to need a fast path
      return;
    }
    digits(year, 4);
    put((byte) '-');
    digits(t.getMonthValue(), 2);
    put((byte) '-');
    digits(t.getDayOfMonth(), 2);
    put((byte) 'T');
    digits(t.getHour(), 2);
    put((byte) ':');
    digits(t.getMinute(), 2);
    put((byte) ':');
    digits(t.getSecond(), 2);
    int nanos = value.getNano();
    if (nanos != 0) {
      // Written in full; PostgreSQL rounds to microseconds exactly as it did from toString().
      put((byte) '.');
      digits(nanos, 9);
    }
    put((byte) 'Z');
  }

  private void digits(int value, int width) {
    for (int divisor = pow10(width - 1); divisor > 0; divisor /= 10) {
      put((byte) ('0' + value / divisor % 10));
    }
  }

  private static int pow10(int exponent) {
    int p = 1;
    for (int i = 0; i < exponent; i++) {
      p *= 10;
    }
    return p;
  }

  private void ascii(String value) {
    for (int i = 0; i < value.length(); i++) {
      put((byte) value.charAt(i));
    }
  }

  private void escape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> bytes('\\', '\\');
        case '\t' -> bytes('\\', 't');
        case '\n' -> bytes('\\', 'n');
        case '\r' -> bytes('\\', 'r');
        default -> {
          if (c < 0x80) {
            put((byte) c);
          } else {
            i = utf8(value, i);
          }
        }
      }
    }
  }

  /** Encodes the non-ASCII character at {@code i}; returns the index of its last char. */
  private int utf8(String value, int i) {
    char c = value.charAt(i);
    if (c < 0x800) {
      put((byte) (0xC0 | c >> 6));
      put((byte) (0x80 | c & 0x3F));
      return i;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < value.length()
        && Character.isLowSurrogate(value.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, value.charAt(i + 1));
      put((byte) (0xF0 | cp >> 18));
      put((byte) (0x80 | cp >> 12 & 0x3F));
      put((byte) (0x80 | cp >> 6 & 0x3F));
      put((byte) (0x80 | cp & 0x3F));
      return i + 1;
    }
    if (Character.isSurrogate(c)) {
      // An unpaired surrogate has no UTF-8 form: '?' as String.getBytes, which the driver used
      // before, writes it.
      put((byte) '?');
      return i;
    }
    put((byte) (0xE0 | c >> 12));
    put((byte) (0x80 | c >> 6 & 0x3F));
    put((byte) (0x80 | c & 0x3F));
    return i;
  }

  private void bytes(char first, char second) {
    put((byte) first);
    put((byte) second);
  }

  private void bytes(byte[] value) {
    for (byte b : value) {
      put(b);
    }
  }

  private void put(byte b) {
    if (used == CHUNK) {
      filled.add(chunk);
      chunk = new byte[CHUNK];
      used = 0;
    }
    chunk[used++] = b;
  }
}
