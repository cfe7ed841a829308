package io.streamsentinel.kafka;

import io.streamsentinel.secrets.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.StringJoiner;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers a dead letter carries: what was wrong and where the record came from, so it can be
 * inspected and replayed. The original key, value and headers are kept unchanged while they fit the
 * bounds below; beyond them the copy is cut ({@link #copy}) and says so in {@link #TRUNCATED}.
 *
 * <p><b>Why the copy is bounded.</b> A dead letter that cannot be written stops the stage that
 * sends it: the detector's production handler answers FAIL on {@code RecordTooLargeException}, and
 * under exactly-once the same record is read again after a restart, so one oversized record would
 * stop the detector for good. The producer checks a record's <em>uncompressed</em> size against
 * {@code max.request.size} (1 MiB by default), so a multi-MB value that arrived lz4-compressed
 * cannot be copied as is. With the bounds here a dead letter is at most about 330 KiB (256 KiB
 * value, 3 KiB key, 64 KiB copied headers, a few KiB of error headers), a third of the default
 * limit: room for an operator to lower {@code max.request.size} or the topic's {@code
 * max.message.bytes} without dead letters starting to fail. 256 KiB is four times the detector's
 * default {@code limits.max-record-bytes}, so every record refused for another reason is copied
 * whole; only records refused for their size (or other stages' giants) are cut.
 */
public final class DeadLetters {

  public static final String ERROR_FIELD = "error.field";
  public static final String ERROR_PROBLEM = "error.problem";
  public static final String ERROR_STAGE = "error.stage";
  public static final String ORIGIN_TOPIC = "error.origin.topic";
  public static final String ORIGIN_PARTITION = "error.origin.partition";
  public static final String ORIGIN_OFFSET = "error.origin.offset";
  public static final String ERROR_TIME = "error.time";

  /** What the copy lost, comma-separated: {@code value}, {@code key}, {@code headers}. */
  public static final String TRUNCATED = "error.truncated";

  /** Size in bytes of the original value; present only when the value was cut. */
  public static final String ORIGINAL_BYTES = "error.original.bytes";

  /** Longest value copied; the first this many bytes of a longer one are kept. */
  public static final int MAX_VALUE_BYTES = 256 * 1024;

  /** Longest key copied, in chars (at most 3 UTF-8 bytes each); a real key is a user id. */
  public static final int MAX_KEY_CHARS = 1024;

  /** Most bytes (names and values) of original headers copied; later ones are left out. */
  public static final int MAX_COPIED_HEADER_BYTES = 64 * 1024;

  /** Longest problem text, in chars; problems are short unless they echo the input. */
  public static final int MAX_PROBLEM_CHARS = 1024;

  private DeadLetters() {}

  /**
   * The key, value and headers of a dead letter: the original ones while within the bounds, else
   * cut to them, with {@link #TRUNCATED} (and {@link #ORIGINAL_BYTES} for the value) saying so. A
   * value is cut at a byte, so a cut UTF-8 text may end in half a character.
   *
   * @param key may be null
   * @param value may be null
   * @param headers the original headers, not modified; never null
   */
  public static Copy copy(String key, byte[] value, Headers headers) {
    StringJoiner truncated = new StringJoiner(",");
    RecordHeaders copied = new RecordHeaders();
    long headerBytes = 0;
    for (Header h : headers) {
      headerBytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
      if (headerBytes > MAX_COPIED_HEADER_BYTES) {
        truncated.add("headers");
        break;
      }
      copied.add(h);
    }
    byte[] boundedValue = value;
    if (value != null && value.length > MAX_VALUE_BYTES) {
      truncated.add("value");
      boundedValue = Arrays.copyOf(value, MAX_VALUE_BYTES);
      add(copied, ORIGINAL_BYTES, String.valueOf(value.length));
    }
    String boundedKey = key;
    if (key != null && key.length() > MAX_KEY_CHARS) {
      truncated.add("key");
      boundedKey = key.substring(0, MAX_KEY_CHARS);
    }
    if (truncated.length() > 0) {
      add(copied, TRUNCATED, truncated.toString());
    }
    return new Copy(boundedKey, boundedValue, copied);
  }

  /** Adds the error and origin headers to {@code headers}; a null origin topic means unknown. */
  public static Headers describe(
      Headers headers,
      String stage,
      String field,
      String problem,
      String originTopic,
      int originPartition,
      long originOffset,
      long nowMs) {
    add(headers, ERROR_STAGE, stage);
    // Problems quote exceptions, which may quote a URL or a setting: the masking rule applies.
    add(headers, ERROR_FIELD, bounded(Secrets.maskText(field)));
    add(headers, ERROR_PROBLEM, bounded(Secrets.maskText(problem)));
    if (originTopic != null) {
      add(headers, ORIGIN_TOPIC, originTopic);
      add(headers, ORIGIN_PARTITION, String.valueOf(originPartition));
      add(headers, ORIGIN_OFFSET, String.valueOf(originOffset));
    }
    add(headers, ERROR_TIME, Instant.ofEpochMilli(nowMs).toString());
    return headers;
  }

  /** The text of a header, or null. */
  public static String header(Headers headers, String key) {
    var header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String bounded(String text) {
    // A problem may quote the record's key or a field; it must not make the dead letter too large.
    return text == null || text.length() <= MAX_PROBLEM_CHARS
        ? text
        : text.substring(0, MAX_PROBLEM_CHARS) + "...";
  }

  private static void add(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * What a dead letter carries of the original record.
   *
   * @param key may be null
   * @param value may be null
   * @param headers the copied headers, to which {@link #describe} adds the error; never null
   */
  public record Copy(String key, byte[] value, Headers headers) {}
}
