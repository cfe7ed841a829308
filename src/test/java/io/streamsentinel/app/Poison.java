package io.streamsentinel.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.kafka.TopicCatalog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/**
 * What is wrong with a poison record, and how to make one from a valid record of a topic: the
 * record stays valid JSON of the topic's shape wherever the poison allows, so that each one tests
 * the check it is meant for rather than the JSON parser.
 */
enum Poison {
  /** A null value: a delete marker on a compacted topic. */
  TOMBSTONE(1),
  /** A 3 MB text field, sent lz4-compressed (a few KB as sent). */
  HUGE_LZ4(1),
  /** 60 KB of merchant name (or the topic's own text field), 20 records of one user. */
  LONG_TEXT(20),
  /** An event time in the year 10000. */
  YEAR_10000(1),
  /** The event time {@code Instant.ofEpochMilli(Long.MAX_VALUE)} as ISO-8601 text. */
  MAX_INSTANT(1),
  /** The event time {@code Instant.ofEpochMilli(-Long.MAX_VALUE)} as ISO-8601 text. */
  MIN_INSTANT(1),
  /** The event time as the JSON number {@code Long.MAX_VALUE}. */
  MAX_MILLIS(1),
  /** The event time as the JSON number {@code -Long.MAX_VALUE}. */
  MIN_MILLIS(1),
  /** A NUL character (<code>&#92;u0000</code> escape) inside the text field. */
  NUL(1),
  /** A lone high surrogate (<code>&#92;ud800</code> escape) inside the text field. */
  LONE_SURROGATE(1),
  /** A lone surrogate encoded as raw bytes (ED A0 80: CESU-8, invalid UTF-8). */
  RAW_SURROGATE(1),
  /** Bytes that are not JSON at all. */
  GARBAGE(1),
  /**
   * A number beyond PostgreSQL's {@code numeric} ({@code 1e1000000}) where a stage keeps JSON as it
   * is, 20 records of one user: a whole batch the database refuses alike.
   */
  HUGE_NUMBER(20),
  /**
   * A valid event with the record timestamp 0 (1970), the earliest a producer can set: negative
   * record timestamps are refused by the producer itself, so {@code -Long.MAX_VALUE} is tested as
   * an event time (above) instead. Only the detector reads the record timestamp.
   */
  ZERO_RECORD_TIME(1);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARK = "@@poison@@";

  /** Records of this kind sent to each topic. */
  final int copies;

  Poison(int copies) {
    this.copies = copies;
  }

  /**
   * A topic's valid record and which of its fields the poison goes into.
   *
   * @param idField a field made unique per poison record, so none replaces another when stored
   * @param numberField where {@link #HUGE_NUMBER} goes, as {@code numberJson}; null for none
   */
  record Target(
      String topic,
      String key,
      ObjectNode template,
      String idField,
      String textField,
      String timeField,
      String numberField,
      String numberJson) {

    /** Whether this poison applies to the target's topic. */
    boolean takes(Poison poison) {
      return switch (poison) {
        case ZERO_RECORD_TIME -> topic.equals(TopicCatalog.TRANSACTIONS); // only the detector
        // reads the record timestamp
        case HUGE_NUMBER -> numberField != null;
        default -> true;
      };
    }
  }

  /** The value of copy {@code n} of this poison for {@code target}; null for a tombstone. */
  byte[] value(Target target, int n) {
    ObjectNode doc = target.template().deepCopy();
    doc.put(target.idField(), "poison-" + name().toLowerCase() + "-" + n);
    return switch (this) {
      case TOMBSTONE -> null;
      case GARBAGE -> garbage(n);
      case HUGE_NUMBER -> splice(doc, target.numberField(), ascii(target.numberJson()));
      case ZERO_RECORD_TIME -> bytes(doc);
      case HUGE_LZ4 -> splice(doc, target.textField(), quoted("A".repeat(3_000_000)));
      case LONG_TEXT -> splice(doc, target.textField(), quoted("M".repeat(60_000) + n));
      case NUL -> splice(doc, target.textField(), quoted("Corner\\u0000Shop"));
      case LONE_SURROGATE -> splice(doc, target.textField(), quoted("Corner\\ud800Shop"));
      case RAW_SURROGATE -> splice(doc, target.textField(), rawSurrogate());
      case YEAR_10000 -> splice(doc, target.timeField(), quoted("+10000-01-01T00:00:00Z"));
      case MAX_INSTANT ->
          splice(doc, target.timeField(), quoted(Instant.ofEpochMilli(Long.MAX_VALUE).toString()));
      case MIN_INSTANT ->
          splice(doc, target.timeField(), quoted(Instant.ofEpochMilli(-Long.MAX_VALUE).toString()));
      case MAX_MILLIS -> splice(doc, target.timeField(), ascii(String.valueOf(Long.MAX_VALUE)));
      case MIN_MILLIS -> splice(doc, target.timeField(), ascii(String.valueOf(-Long.MAX_VALUE)));
    };
  }

  /** The record timestamp to send with, or null for the producer's clock. */
  Long recordTimestamp() {
    return this == ZERO_RECORD_TIME ? 0L : null;
  }

  private byte[] garbage(int n) {
    byte[] bytes = new byte[512];
    new Random(31L * ordinal() + n).nextBytes(bytes);
    bytes[0] = (byte) 0xFE; // never '{' or a BOM: not JSON whatever follows
    return bytes;
  }

  private static byte[] rawSurrogate() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("\"Corner".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
    out.writeBytes("Shop\"".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] quoted(String jsonText) {
    return ascii("\"" + jsonText + "\"");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The document's JSON with {@code field}'s value replaced by the raw JSON {@code fragment}. */
  private static byte[] splice(ObjectNode doc, String field, byte[] fragment) {
    doc.put(field, MARK);
    byte[] json = bytes(doc);
    byte[] mark = ascii("\"" + MARK + "\"");
    int at = indexOf(json, mark);
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + fragment.length);
    out.write(json, 0, at);
    out.writeBytes(fragment);
    out.write(json, at + mark.length, json.length - at - mark.length);
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i <= bytes.length - part.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new IllegalStateException("mark not found");
  }

  static byte[] bytes(ObjectNode doc) {
    try {
      return JSON.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode parse(byte[] json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
