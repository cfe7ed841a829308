package io.streamsentinel.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a dead letter carries: what was wrong and where the record came from, so it can be
 * inspected and replayed. The original key and value are kept unchanged.
 */
public final class DeadLetters {

  public static final String ERROR_FIELD = "error.field";
  public static final String ERROR_PROBLEM = "error.problem";
  public static final String ERROR_STAGE = "error.stage";
  public static final String ORIGIN_TOPIC = "error.origin.topic";
  public static final String ORIGIN_PARTITION = "error.origin.partition";
  public static final String ORIGIN_OFFSET = "error.origin.offset";
  public static final String ERROR_TIME = "error.time";

  private DeadLetters() {}

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
    add(headers, ERROR_FIELD, field);
    add(headers, ERROR_PROBLEM, problem);
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

  private static void add(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
  }
}
