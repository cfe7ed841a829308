package io.streamsentinel.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Reads the durations people type: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}
 * or ISO-8601.
 */
public final class Durations {

  private Durations() {}

  /**
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (s.startsWith("p")) {
        return nonNegative(text, Duration.parse(s.toUpperCase(java.util.Locale.ROOT)));
      }
      if (s.endsWith("ms")) {
        return nonNegative(text, Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2))));
      }
      long amount = Long.parseLong(s.substring(0, Math.max(0, s.length() - 1)));
      switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
        case 's':
          return nonNegative(text, Duration.ofSeconds(amount));
        case 'm':
          return nonNegative(text, Duration.ofMinutes(amount));
        case 'h':
          return nonNegative(text, Duration.ofHours(amount));
        case 'd':
          return nonNegative(text, Duration.ofDays(amount));
        default:
          throw invalid(text);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid(text);
    }
  }

  /** The short form, e.g. {@code 30s}, {@code 7d}; used when printing settings. */
  public static String format(Duration d) {
    if (d == null) {
      return "forever";
    }
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0 && ms > 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0 && ms > 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0 && ms > 0) {
      return ms / 60_000L + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  private static Duration nonNegative(String text, Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: '" + text + "'");
    }
    return d;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration; use e.g. 500ms, 30s, 5m, 2h, 7d or PT30S");
  }
}
