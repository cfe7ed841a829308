package io.streamsentinel.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 instants as text, exactly as {@link Instant#parse} reads them and {@link
 * Instant#toString} writes them, for the per-record codecs. The JDK goes through a general
 * formatter that allocates about 2 KB to parse one timestamp and 0.6 KB to print one; this handles
 * the one form our events use, {@code 2026-01-22T02:53:05.073095Z} (years 0000-9999, upper-case
 * {@code T} and {@code Z}, 0-9 fraction digits), directly and hands anything else to the JDK, so
 * what is accepted, the values and the errors stay the JDK's.
 */
final class InstantText {

  private static final int SECONDS_PER_DAY = 86_400;
  private static final int SECONDS_PER_HOUR = 3_600;
  private static final int SECONDS_PER_MINUTE = 60;
  private static final int MAX_FRACTION_DIGITS = 9;

  /** Length of {@code yyyy-MM-ddTHH:mm:ssZ}; a fraction adds a dot and 1-9 digits. */
  private static final int LENGTH_WITHOUT_FRACTION = 20;

  static final int LONGEST = LENGTH_WITHOUT_FRACTION + 1 + MAX_FRACTION_DIGITS;

  /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years printed as four plain digits. */
  private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;

  private static final long FIRST_SECOND_OF_YEAR_10000 = 253_402_300_800L;

  private static final int[] NANOS_PER_DIGIT = {
    100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private InstantText() {}

  /**
   * The same as {@link Instant#parse}.
   *
   * @throws DateTimeParseException as {@link Instant#parse} does
   */
  static Instant parse(String text) {
    Instant canonical = parseCanonical(text);
    return canonical != null ? canonical : Instant.parse(text);
  }

  /**
   * Whether the instant lies in the years 0000-9999: the years every store downstream holds (the
   * sink names a day partition by its date, and {@link java.sql.Timestamp} overflows far beyond).
   */
  static boolean hasFourDigitYear(Instant instant) {
    long seconds = instant.getEpochSecond();
    return seconds >= FIRST_SECOND_OF_YEAR_0 && seconds < FIRST_SECOND_OF_YEAR_10000;
  }

  /** The same text as {@link Instant#toString}. */
  static String format(Instant instant) {
    byte[] out = new byte[LONGEST];
    int length = format(instant, out, 0);
    return length < 0
        ? instant.toString() // signs and five-digit years: rare enough for the JDK
        : new String(out, 0, length, StandardCharsets.US_ASCII);
  }

  /**
   * Writes {@link #format}'s text of an instant with a four-digit year into {@code out} from {@code
   * at}, which must leave room for {@link #LONGEST} bytes.
   *
   * @return where the text ends, or -1 (nothing written) for an instant outside years 0000-9999
   */
  static int format(Instant instant, byte[] out, int at) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_SECOND_OF_YEAR_0 || seconds >= FIRST_SECOND_OF_YEAR_10000) {
      return -1;
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    int secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
    put(out, at, date.getYear(), 4);
    out[at + 4] = '-';
    put(out, at + 5, date.getMonthValue(), 2);
    out[at + 7] = '-';
    put(out, at + 8, date.getDayOfMonth(), 2);
    out[at + 10] = 'T';
    put(out, at + 11, secondOfDay / SECONDS_PER_HOUR, 2);
    out[at + 13] = ':';
    put(out, at + 14, secondOfDay % SECONDS_PER_HOUR / SECONDS_PER_MINUTE, 2);
    out[at + 16] = ':';
    put(out, at + 17, secondOfDay % SECONDS_PER_MINUTE, 2);
    int end = at + 19;
    int nano = instant.getNano();
    if (nano > 0) {
      // Like the JDK: digits in groups of three (millis, micros or nanos), as many as needed.
      out[end++] = '.';
      for (int i = 0; nano > 0 || i % 3 != 0; i++) {
        int digit = nano / NANOS_PER_DIGIT[i];
        out[end++] = (byte) ('0' + digit);
        nano -= digit * NANOS_PER_DIGIT[i];
      }
    }
    out[end++] = 'Z';
    return end;
  }

  /** The instant of a canonical timestamp with valid values, or null for anything else. */
  private static Instant parseCanonical(String text) {
    int length = text.length();
    if (length < LENGTH_WITHOUT_FRACTION
        || length > LONGEST
        || length == LENGTH_WITHOUT_FRACTION + 1
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || (length > LENGTH_WITHOUT_FRACTION && text.charAt(19) != '.')
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int fractionDigits = Math.max(0, length - LENGTH_WITHOUT_FRACTION - 1);
    int fraction = fractionDigits == 0 ? 0 : digits(text, 20, fractionDigits);
    if ((year | month | day | hour | minute | second | fraction) < 0
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour > 23 // 24:00 and the leap second 23:59:60 are the JDK's business
        || minute > 59
        || second > 59) {
      return null;
    }
    long epochSecond =
        LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY
            + hour * SECONDS_PER_HOUR
            + minute * SECONDS_PER_MINUTE
            + second;
    int nano = fractionDigits == 0 ? 0 : fraction * NANOS_PER_DIGIT[fractionDigits - 1];
    return Instant.ofEpochSecond(epochSecond, nano);
  }

  /** The number written by {@code count} ASCII digits at {@code from}, or -1 if one is not. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static void put(byte[] out, int at, int value, int width) {
    int rest = value;
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
  }
}
