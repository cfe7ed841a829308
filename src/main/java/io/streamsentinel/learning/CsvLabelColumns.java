package io.streamsentinel.learning;

import io.streamsentinel.domain.Label;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a CSV label file, from its header: {@code transaction_id} and {@code is_fraud}
 * required, {@code user_id} and {@code labelled_at} optional, in any order.
 *
 * <p>Parsed by hand rather than with jackson-dataformat-csv: the format is two to four plain
 * columns of ids, a flag and an instant, none of which holds a comma or a quote, and reading line
 * by line keeps exact line numbers and lets every bad line be reported and skipped. Quoted fields
 * are therefore refused, by name, rather than misread.
 */
final class CsvLabelColumns {

  static final String TRANSACTION_ID = "transaction_id";
  static final String IS_FRAUD = "is_fraud";
  static final String USER_ID = "user_id";
  static final String LABELLED_AT = "labelled_at";
  private static final List<String> KNOWN = List.of(TRANSACTION_ID, IS_FRAUD, USER_ID, LABELLED_AT);
  private static final String EXPECTED = "transaction_id,is_fraud[,user_id][,labelled_at]";

  private final List<String> names;

  private CsvLabelColumns(List<String> names) {
    this.names = names;
  }

  /**
   * @throws LabelFileException naming the column when the header lacks, repeats or does not know
   *     one
   */
  static CsvLabelColumns of(String header, long lineNumber) {
    List<String> names = new ArrayList<>();
    for (String field : split(header)) {
      String name = field.toLowerCase(Locale.ROOT);
      if (!KNOWN.contains(name)) {
        throw headerError(lineNumber, "unknown column '" + field + "'");
      }
      if (names.contains(name)) {
        throw headerError(lineNumber, "column " + name + " given twice");
      }
      names.add(name);
    }
    for (String required : List.of(TRANSACTION_ID, IS_FRAUD)) {
      if (!names.contains(required)) {
        throw headerError(lineNumber, "missing column " + required);
      }
    }
    return new CsvLabelColumns(List.copyOf(names));
  }

  /**
   * The label on one data line; {@code labelled_at} defaults to {@code now}.
   *
   * @throws IllegalArgumentException naming the field when the line is not a label
   */
  Label label(String line, String source, Instant now) {
    if (line.indexOf('"') >= 0) {
      throw new IllegalArgumentException("quoted fields are not supported");
    }
    List<String> fields = split(line);
    if (fields.size() != names.size()) {
      throw new IllegalArgumentException(
          "expected "
              + names.size()
              + " fields ("
              + String.join(",", names)
              + "), got "
              + fields.size());
    }
    String userId = field(fields, USER_ID);
    String labelledAt = field(fields, LABELLED_AT);
    return new Label(
        field(fields, TRANSACTION_ID),
        isFraud(field(fields, IS_FRAUD)),
        userId == null || userId.isEmpty() ? null : userId,
        source,
        labelledAt == null || labelledAt.isEmpty() ? now : instant(labelledAt));
  }

  private String field(List<String> fields, String name) {
    int i = names.indexOf(name);
    return i < 0 ? null : fields.get(i);
  }

  /** Spreadsheets write TRUE/FALSE, scripts 1/0: both are accepted, nothing else. */
  static boolean isFraud(String value) {
    if (value.equals("1") || value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equals("0") || value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(
        IS_FRAUD + ": expected true, false, 1 or 0, got '" + value + "'");
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          LABELLED_AT
              + ": expected an ISO-8601 instant such as 2026-01-31T12:00:00Z, got '"
              + value
              + "'",
          e);
    }
  }

  private static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    for (String field : line.split(",", -1)) {
      fields.add(field.strip());
    }
    return fields;
  }

  private static LabelFileException headerError(long lineNumber, String problem) {
    return new LabelFileException(
        "line " + lineNumber + ": header " + problem + " (expected " + EXPECTED + ")");
  }
}
