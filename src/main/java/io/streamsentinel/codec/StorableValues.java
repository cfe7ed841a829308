package io.streamsentinel.codec;

import java.time.Instant;

/**
 * What PostgreSQL can store faithfully, checked on a record before the stages that store it (the
 * persistence sink, the analytics) take it in. Text with a NUL or an unpaired surrogate is valid
 * JSON when escaped (<code>&#92;u0000</code>, <code>&#92;ud800</code>), but a {@code text} column
 * cannot hold a NUL (the batch is refused) and an unpaired surrogate has no UTF-8 form (it would be
 * stored as {@code ?}, silently); an instant outside the years 0000-9999 has no ISO date of four
 * digits, which day partitions are named by, and beyond about 294,000 AD none of PostgreSQL's. Such
 * a record goes to the dead letters with this reason instead.
 */
public final class StorableValues {

  private StorableValues() {}

  /**
   * Why the JSON's text cannot be stored as it is, or null when it can. Looks only at <code>&#92;u
   * </code> escapes: raw control characters and raw surrogates are not valid JSON (UTF-8) in the
   * first place, and the parser refuses them.
   */
  public static String textProblem(byte[] json) {
    for (int i = 0; i + 1 < json.length; i++) {
      if (json[i] != '\\') {
        continue;
      }
      if (json[i + 1] != 'u' || i + 5 >= json.length) {
        i++; // an escaped character, maybe a backslash: never the start of another escape
        continue;
      }
      int c = hex(json, i + 2);
      if (c == 0) {
        return "text holds a NUL character (\\u0000 at byte " + i + "), which PostgreSQL cannot";
      }
      if (Character.isHighSurrogate((char) c) && isLowSurrogateEscape(json, i + 6)) {
        i += 11;
      } else if (c >= 0 && Character.isSurrogate((char) c)) {
        return String.format(
            "text holds an unpaired surrogate (\\u%04x at byte %d), which has no UTF-8 form", c, i);
      } else {
        i += 5;
      }
    }
    return null;
  }

  /**
   * The instant, when it lies in the years 0000-9999; null stays null.
   *
   * @throws IllegalArgumentException naming the field otherwise
   */
  public static Instant requireStorable(String field, Instant time) {
    if (time != null && !InstantText.hasFourDigitYear(time)) {
      throw new IllegalArgumentException(field + ": " + time + " is outside the years 0000-9999");
    }
    return time;
  }

  private static boolean isLowSurrogateEscape(byte[] json, int at) {
    return at + 5 < json.length
        && json[at] == '\\'
        && json[at + 1] == 'u'
        && Character.isLowSurrogate((char) Math.max(0, hex(json, at + 2)));
  }

  /** The four hex digits at {@code at} as a number, or -1 when they are not four hex digits. */
  private static int hex(byte[] json, int at) {
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      int digit = Character.digit(json[i], 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }
}
