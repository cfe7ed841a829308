package io.streamsentinel.learning;

import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.domain.Label;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Reads a file of labels line by line: CSV with a header ({@link CsvLabelColumns}) or JSON lines,
 * one label event per line as {@link LabelCodec} reads them. The first non-blank character decides:
 * {@code {} means JSON lines. Blank lines are skipped; every other line becomes an {@link
 * ImportLine.Good} or an {@link ImportLine.Bad} naming the field, so one bad line never stops the
 * rest.
 *
 * <p>A label without a source gets the default source; a JSON line's own {@code source} wins, so
 * re-imported events keep where they came from. A label without {@code labelled_at} is labelled
 * now, by the injected clock.
 */
public final class LabelImport {

  /** The two formats a label file may have. */
  public enum Format {
    CSV,
    JSON_LINES
  }

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final BufferedReader in;
  private final String defaultSource;
  private final Clock clock;
  private long lineNumber;
  private Format format;
  private CsvLabelColumns columns;

  /**
   * @param defaultSource the source of labels that do not name one, e.g. {@link Label#IMPORT}
   * @throws IllegalArgumentException when the default source is not a valid source
   */
  public LabelImport(Reader in, String defaultSource, Clock clock) {
    if (defaultSource.isBlank() || defaultSource.length() > Label.MAX_SOURCE_LENGTH) {
      throw new IllegalArgumentException(
          "source: must be 1 to " + Label.MAX_SOURCE_LENGTH + " characters");
    }
    this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
    this.defaultSource = defaultSource;
    this.clock = clock;
  }

  /**
   * The next data line, or null at the end of the file.
   *
   * @throws LabelFileException when the CSV header is wrong (no line could be read)
   */
  public ImportLine next() throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
        line = line.substring(1); // spreadsheets write UTF-8 with a byte order mark
      }
      if (line.isBlank()) {
        continue;
      }
      if (format == null) {
        format = line.strip().startsWith("{") ? Format.JSON_LINES : Format.CSV;
        if (format == Format.CSV) {
          columns = CsvLabelColumns.of(line, lineNumber);
          continue;
        }
      }
      return parse(line);
    }
    return null;
  }

  private ImportLine parse(String line) {
    try {
      return new ImportLine.Good(lineNumber, label(line));
    } catch (IllegalArgumentException e) {
      return new ImportLine.Bad(lineNumber, e.getMessage());
    }
  }

  private Label label(String line) {
    if (format == Format.CSV) {
      return columns.label(line, defaultSource, clock.instant());
    }
    Label read = LabelCodec.decode(line.getBytes(StandardCharsets.UTF_8));
    return new Label(
        read.transactionId(),
        read.fraud(),
        read.userId(),
        read.source() == null ? defaultSource : read.source(),
        read.labelledAt() == null ? clock.instant() : read.labelledAt());
  }

  /** Lines read so far, blank lines and the header included. */
  public long linesRead() {
    return lineNumber;
  }

  /** The file's format, or null while no non-blank line was read. */
  public Format format() {
    return format;
  }
}
