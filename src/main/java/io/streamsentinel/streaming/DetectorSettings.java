package io.streamsentinel.streaming;

import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.ModelSource;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.detection.RuleSource;
import io.streamsentinel.detection.SnoozeSource;
import io.streamsentinel.detection.drift.DriftSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.TopicCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the detection topology needs to know.
 *
 * @param rules the rule set the detector was configured with (a file or the default)
 * @param alertThreshold decisions scoring at least this are also alerts
 * @param dedupWindow a transaction id the user's profile remembers ({@link
 *     io.streamsentinel.detection.RecentIds}: their last 64) from within this much record
 *     (ingestion) time is a duplicate
 * @param limits the input limits for decoding transactions
 * @param models the model in force, read per transaction; {@link ModelSource#NONE} for rules only
 * @param ruleSource the rules in force, read per transaction: {@code rules} unless a rule set
 *     published on {@code fraud-rules} replaces them
 * @param drift how the champion model's drift is measured
 * @param snoozes the operators' snoozes in force, read per transaction; {@link SnoozeSource#NONE}
 *     unless the detector follows {@code fraud-rule-snoozes}
 */
public record DetectorSettings(
    RuleSet rules,
    double alertThreshold,
    Duration dedupWindow,
    TransactionLimits limits,
    ModelSource models,
    RuleSource ruleSource,
    DriftSettings drift,
    SnoozeSource snoozes) {
  public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofHours(24);

  public static final String INPUT_TOPIC = TopicCatalog.TRANSACTIONS;
  public static final String SCORES_TOPIC = TopicCatalog.FRAUD_SCORES;
  public static final String ALERTS_TOPIC = TopicCatalog.FRAUD_ALERTS;
  public static final String DLQ_TOPIC = TopicCatalog.TRANSACTIONS_DLQ;
  public static final String ACCOUNT_STATUS_TOPIC = TopicCatalog.ACCOUNT_STATUS;

  public DetectorSettings {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(dedupWindow, "dedupWindow");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(ruleSource, "ruleSource");
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(snoozes, "snoozes");
    if (!(alertThreshold > 0 && alertThreshold <= 1)) {
      throw new IllegalArgumentException(
          "alert threshold must be in (0, 1] but was " + alertThreshold);
    }
    if (dedupWindow.isNegative() || dedupWindow.isZero()) {
      throw new IllegalArgumentException("dedup window must be positive but was " + dedupWindow);
    }
  }

  /** Settings with the default drift measurement. */
  public DetectorSettings(
      RuleSet rules,
      double alertThreshold,
      Duration dedupWindow,
      TransactionLimits limits,
      ModelSource models) {
    this(
        rules,
        alertThreshold,
        dedupWindow,
        limits,
        models,
        RuleSource.fixed(rules),
        DriftSettings.defaults(),
        SnoozeSource.NONE);
  }

  /** Settings scoring with the rules alone. */
  public DetectorSettings(
      RuleSet rules, double alertThreshold, Duration dedupWindow, TransactionLimits limits) {
    this(rules, alertThreshold, dedupWindow, limits, ModelSource.NONE);
  }

  /** The same settings with the model in force taken from {@code source}. */
  public DetectorSettings withModels(ModelSource source) {
    return new DetectorSettings(
        rules, alertThreshold, dedupWindow, limits, source, ruleSource, drift, snoozes);
  }

  /** The same settings with the rules in force taken from {@code source}. */
  public DetectorSettings withRules(RuleSource source) {
    return new DetectorSettings(
        rules, alertThreshold, dedupWindow, limits, models, source, drift, snoozes);
  }

  /** The same settings with another drift measurement. */
  public DetectorSettings withDrift(DriftSettings value) {
    return new DetectorSettings(
        rules, alertThreshold, dedupWindow, limits, models, ruleSource, value, snoozes);
  }

  /** The same settings with the snoozes in force taken from {@code source}. */
  public DetectorSettings withSnoozes(SnoozeSource source) {
    return new DetectorSettings(
        rules, alertThreshold, dedupWindow, limits, models, ruleSource, drift, source);
  }

  /** The Kafka Streams settings of a detector started with no options. */
  public static StreamsSettings defaultStreams() {
    return new StreamsSettings(
        ClientCatalog.DETECTOR_GROUP,
        StreamsSettings.Guarantee.EXACTLY_ONCE,
        1,
        Path.of("data", "streams"),
        DLQ_TOPIC);
  }

  public static DetectorSettings defaults(RuleSet rules) {
    return new DetectorSettings(
        rules, Decision.DEFAULT_ALERT_THRESHOLD, DEFAULT_DEDUP_WINDOW, TransactionLimits.DEFAULTS);
  }
}
