package io.streamsentinel.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

/**
 * Every topic the system uses, with the settings of DESIGN.md. Topics are always created explicitly
 * from here: the broker's auto-creation is off, so a misspelt name fails loudly instead of creating
 * a one-partition topic.
 */
public record TopicCatalog(List<TopicSpec> topics) {

  public static final String TRANSACTIONS = "synthetic-transactions";
  public static final String TRANSACTIONS_DLQ = "synthetic-transactions-dlq";
  public static final String FRAUD_SCORES = "fraud-scores";
  public static final String FRAUD_ALERTS = "fraud-alerts";
  public static final String FRAUD_ALERTS_DLQ = "fraud-alerts-dlq";
  public static final String USER_ACTIONS = "user-actions";
  public static final String ACCOUNT_STATUS = "account-status";
  public static final String SYSTEM_METRICS = "system-metrics";
  public static final String FRAUD_FEEDBACK = "fraud-feedback";
  public static final String PERSISTENCE_DLQ = "persistence-dlq";
  public static final String FRAUD_MODELS = "fraud-models";
  public static final String FRAUD_RULES = "fraud-rules";
  public static final String FRAUD_RULE_SNOOZES = "fraud-rule-snoozes";

  /** The record size limit of {@link #FRAUD_MODELS}: a model of hundreds of trees fits. */
  public static final int MODEL_RECORD_BYTES = 16 * 1024 * 1024;

  private static final Duration DAY = Duration.ofDays(1);

  public TopicCatalog {
    topics = List.copyOf(topics);
  }

  /** The documented defaults. */
  public static TopicCatalog defaults() {
    return new TopicCatalog(
        List.of(
            new TopicSpec(
                TRANSACTIONS,
                12,
                DAY.multipliedBy(7),
                // As the balanced profile's producers send, so the broker stores their batches as
                // they come: a topic codec other than the producer's means a decompression and a
                // recompression of every batch on the broker.
                "snappy",
                TopicSpec.DELETE,
                "transaction events, key = user_id"),
            new TopicSpec(
                FRAUD_SCORES,
                12,
                DAY.multipliedBy(7),
                "snappy",
                TopicSpec.DELETE,
                "one decision per transaction: features, score, reasons"),
            // compact,delete: the latest alert per user is kept, and nothing older than 30 days.
            new TopicSpec(
                FRAUD_ALERTS,
                6,
                DAY.multipliedBy(30),
                "gzip",
                TopicSpec.COMPACT_DELETE,
                "alerts at or above the alert threshold, latest per user"),
            new TopicSpec(
                USER_ACTIONS,
                3,
                DAY.multipliedBy(90),
                "gzip",
                TopicSpec.DELETE,
                "actions taken (audit trail)"),
            new TopicSpec(
                ACCOUNT_STATUS,
                3,
                null,
                null,
                TopicSpec.COMPACT,
                "current status per user (ACTIVE, STEP_UP_REQUIRED, BLOCKED)"),
            new TopicSpec(
                SYSTEM_METRICS,
                1,
                DAY.multipliedBy(7),
                null,
                TopicSpec.DELETE,
                "periodic metric snapshots and health alerts"),
            // Analyst verdicts are the labels later learning trains on: kept for a year.
            new TopicSpec(
                FRAUD_FEEDBACK,
                3,
                DAY.multipliedBy(365),
                null,
                TopicSpec.DELETE,
                "label events (transaction_id, is_fraud, source), key = user_id"),
            // Every model version, latest record per version; compacted, never deleted.
            new TopicSpec(
                FRAUD_MODELS,
                1,
                null,
                null,
                TopicSpec.COMPACT,
                "model versions (bytes, sha256, metrics, schema, status), key = version",
                MODEL_RECORD_BYTES),
            // Every published rule set, latest record per version; compacted, never deleted.
            new TopicSpec(
                FRAUD_RULES,
                1,
                null,
                null,
                TopicSpec.COMPACT,
                "rule sets (rules, sha256, status: active, shadow, archived), key = version"),
            // Operators' snoozes, latest per rule and user or card; a tombstone lifts one.
            new TopicSpec(
                FRAUD_RULE_SNOOZES,
                1,
                null,
                null,
                TopicSpec.COMPACT,
                "rule snoozes (rule, user, card, until, reason, operator), key = rule|user:USER"),
            dlq(TRANSACTIONS_DLQ, "undecodable or invalid transactions, with error headers"),
            dlq(FRAUD_ALERTS_DLQ, "alerts the responder could not handle, with error headers"),
            dlq(
                PERSISTENCE_DLQ,
                "records the persistence sink could not decode, with error headers")));
  }

  private static TopicSpec dlq(String name, String purpose) {
    return new TopicSpec(name, 3, DAY.multipliedBy(30), null, TopicSpec.DELETE, purpose);
  }

  /**
   * @throws NoSuchElementException naming the topic and the known ones
   */
  public TopicSpec topic(String name) {
    return topics.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new NoSuchElementException("unknown topic '" + name + "'; known: " + names()));
  }

  public List<String> names() {
    return topics.stream().map(TopicSpec::name).toList();
  }

  /** A copy with one topic changed (for configured partition counts or retention). */
  public TopicCatalog with(String name, UnaryOperator<TopicSpec> change) {
    TopicSpec target = topic(name);
    List<TopicSpec> changed = new ArrayList<>(topics.size());
    for (TopicSpec spec : topics) {
      changed.add(spec == target ? change.apply(spec) : spec);
    }
    return new TopicCatalog(changed);
  }
}
