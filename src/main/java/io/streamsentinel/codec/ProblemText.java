package io.streamsentinel.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Makes values from the wire safe to put in an error message: such messages end up in logs and
 * dead-letter headers, so they are short, single-line and never carry anything that looks like a
 * card number.
 */
final class ProblemText {

  /** Longest echoed value; enough to recognise it, too short to flood a log line. */
  static final int MAX_ECHO_CHARS = 40;

  /** Card numbers (PANs) have 13 to 19 digits; shorter runs are amounts, ids or epoch times. */
  private static final int MIN_PAN_DIGITS = 13;

  private static final int MAX_REASON_CHARS = 120;

  /** Jackson's list of what a value can be: long, and no help to whoever reads the error. */
  private static final String JACKSON_ANY_VALUE =
      "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

  private ProblemText() {}

  /** The {@link #safe} value in single quotes. */
  static String quote(String value) {
    return "'" + safe(value) + "'";
  }

  /** The value truncated, with control characters and card-number-like digit runs masked. */
  static String safe(String value) {
    return sanitise(value, MAX_ECHO_CHARS);
  }

  /**
   * Jackson's reason for rejecting the input, without its source dump, plus where it stopped
   * reading.
   */
  static String reason(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    // Jackson appends the location of an unclosed object's start: noise next to the location we
    // add.
    int marker = message.indexOf(" (start marker");
    String trimmed =
        (marker < 0 ? message : message.substring(0, marker))
            .replace(JACKSON_ANY_VALUE, "a JSON value");
    String reason = sanitise(trimmed, MAX_REASON_CHARS);
    JsonLocation at = e.getLocation();
    return at == null
        ? reason
        : reason + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static String sanitise(String value, int maxChars) {
    // Mask before truncating: a card number straddling the cut must not leave its first digits
    // behind.
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.append(c < ' ' ? '?' : c);
    }
    maskLongDigitRuns(out);
    return value.length() > maxChars ? out.substring(0, maxChars) + "..." : out.toString();
  }

  private static void maskLongDigitRuns(StringBuilder text) {
    int runStart = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean digit = i < text.length() && isAsciiDigit(text.charAt(i));
      if (digit && runStart < 0) {
        runStart = i;
      } else if (!digit && runStart >= 0) {
        if (i - runStart >= MIN_PAN_DIGITS) {
          text.replace(runStart, i, "#".repeat(i - runStart));
        }
        runStart = -1;
      }
    }
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
