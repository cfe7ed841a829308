package io.streamsentinel.app;

import io.streamsentinel.kafka.TopicCatalog;
import java.util.List;

/**
 * The poison suite's table: which stages read each topic, and what each does with each {@link
 * Poison}. Where a stage dead-letters, the reason must name the offending field and value.
 */
final class PoisonOutcomes {

  private PoisonOutcomes() {}

  /** The stages that read a topic; "detector-status" is the detector's global store. */
  static List<String> stagesReading(String topic) {
    return switch (topic) {
      case TopicCatalog.TRANSACTIONS -> List.of("detector");
      case TopicCatalog.FRAUD_SCORES -> List.of("persistence", "analytics");
      case TopicCatalog.FRAUD_ALERTS -> List.of("responder", "persistence");
      case TopicCatalog.USER_ACTIONS -> List.of("notifier", "persistence");
      case TopicCatalog.ACCOUNT_STATUS -> List.of("detector-status", "persistence");
      case TopicCatalog.FRAUD_FEEDBACK -> List.of("persistence");
      default -> throw new IllegalArgumentException(topic);
    };
  }

  /**
   * What a stage does with a poison record: {@code dlq|<text of its reason>}, {@code skipped|} (a
   * log line naming topic-partition@offset) or {@code accepted|} (valid input for that stage).
   */
  static String expected(Poison.Target target, Poison poison, String stage) {
    String topic = target.topic();
    String time = target.timeField() + ": ";
    String text = target.textField() + ": ";
    boolean idText = List.of("transaction_id").contains(target.textField());
    return switch (stage) {
      case "detector" ->
          switch (poison) {
            case TOMBSTONE -> "dlq|record: empty";
            case HUGE_LZ4 -> "dlq|record: 3000173 bytes exceeds the limit of 65536 bytes";
            case LONG_TEXT -> "dlq|merchant: longer than 128 characters";
            case YEAR_10000 -> "dlq|timestamp: +10000-01-01T00:00:00Z is outside the years";
            case MAX_INSTANT, MAX_MILLIS ->
                "dlq|timestamp: +292278994-08-17T07:12:55.807Z is outside";
            case MIN_INSTANT, MIN_MILLIS ->
                "dlq|timestamp: -292275055-05-16T16:47:04.193Z is outside";
            case NUL -> "dlq|merchant: contains control character U+0000";
            case LONE_SURROGATE -> "dlq|merchant: contains an unpaired surrogate";
            case RAW_SURROGATE -> "dlq|Invalid UTF-8: Illegal surrogate character 0xd800";
            case GARBAGE -> "dlq|record: not valid JSON";
            case ZERO_RECORD_TIME -> "dlq|after the record timestamp 1970-01-01T00:00:00Z";
            case HUGE_NUMBER -> "dlq|amount: 1E+1000000 exceeds the sanity bound";
          };
      case "responder" ->
          switch (poison) {
            case TOMBSTONE -> "skipped|";
            case HUGE_LZ4, LONG_TEXT -> "dlq|" + text + "longer than 128 characters";
            case YEAR_10000 -> "dlq|" + time + "'+10000-01-01T00:00:00Z' is outside the years";
            case MAX_INSTANT -> "dlq|" + time + "'+292278994-08-17T07:12:55.807Z' is outside";
            case MIN_INSTANT -> "dlq|" + time + "'-292275055-05-16T16:47:04.193Z' is outside";
            case MAX_MILLIS, MIN_MILLIS -> "dlq|" + time + "expected a string but was a number";
            case NUL -> "dlq|" + text + "contains a NUL character";
            case LONE_SURROGATE -> "dlq|" + text + "contains an unpaired surrogate";
            case RAW_SURROGATE -> "dlq|Invalid UTF-8";
            case GARBAGE, ZERO_RECORD_TIME -> "dlq|not valid JSON";
            case HUGE_NUMBER -> "accepted|"; // only the reason codes are read
          };
      case "notifier", "detector-status" ->
          // Readers that only act on readable records: the rest is skipped with a log line.
          switch (poison) {
            // Their codecs refuse what the sink could not store: NUL, years outside 0000-9999.
            case TOMBSTONE,
                MAX_MILLIS,
                MIN_MILLIS,
                RAW_SURROGATE,
                GARBAGE,
                NUL,
                YEAR_10000,
                MAX_INSTANT,
                MIN_INSTANT ->
                "skipped|";
            default -> "accepted|";
          };
      case "persistence", "analytics" ->
          switch (poison) {
            case TOMBSTONE -> topic.equals(TopicCatalog.ACCOUNT_STATUS) ? "skipped|" : "dlq|empty";
            case HUGE_LZ4, LONG_TEXT ->
                // The sink stores free text as it is; ids are bounded, and so are the names the
                // analytics counts under (part of its primary keys).
                idText || stage.equals("analytics")
                    ? "dlq|" + text + "longer than 128 characters"
                    : "accepted|";
            case YEAR_10000 -> "dlq|" + time + "'+10000-01-01T00:00:00Z' is outside the years";
            case MAX_INSTANT -> "dlq|" + time + "'+292278994-08-17T07:12:55.807Z' is outside";
            case MIN_INSTANT -> "dlq|" + time + "'-292275055-05-16T16:47:04.193Z' is outside";
            case MAX_MILLIS, MIN_MILLIS -> "dlq|" + time + "expected a string but was a number";
            case NUL -> "dlq|text holds a NUL character (\\u0000";
            case LONE_SURROGATE -> "dlq|text holds an unpaired surrogate (\\ud800";
            case RAW_SURROGATE -> "dlq|Invalid UTF-8";
            case GARBAGE, ZERO_RECORD_TIME -> "dlq|not valid JSON";
            case HUGE_NUMBER ->
                stage.equals("analytics") ? "accepted|" : "dlq|value overflows numeric format";
          };
      default -> throw new IllegalArgumentException(stage);
    };
  }

  /** {@code dlq}, {@code skipped} or {@code accepted}. */
  static String kind(String expected) {
    return expected.substring(0, expected.indexOf('|'));
  }

  /** The text the dead letter's reason must contain. */
  static String reason(String expected) {
    return expected.substring(expected.indexOf('|') + 1);
  }
}
