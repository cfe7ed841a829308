package io.streamsentinel.persistence;

import java.time.Instant;

/**
 * Builds the text format of PostgreSQL's {@code COPY ... FROM STDIN}: tab between columns, newline
 * after each row, {@code \N} for null, and backslash escapes for the characters that would break
 * the format.
 */
final class CopyText {

  private final StringBuilder text = new StringBuilder(64 * 1024);
  private boolean rowStarted;

  CopyText column(String value) {
    separate();
    if (value == null) {
      text.append("\\N");
    } else {
      escape(value);
    }
    return this;
  }

  CopyText column(Instant value) {
    return column(value == null ? null : value.toString());
  }

  CopyText column(double value) {
    separate();
    text.append(value);
    return this;
  }

  CopyText column(Boolean value) {
    return column(value == null ? null : value.toString());
  }

  CopyText endRow() {
    text.append('\n');
    rowStarted = false;
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private void separate() {
    if (rowStarted) {
      text.append('\t');
    }
    rowStarted = true;
  }

  private void escape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
  }
}
