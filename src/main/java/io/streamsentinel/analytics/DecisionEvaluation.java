package io.streamsentinel.analytics;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.DecisionSummary;
import io.streamsentinel.detection.quality.DetectionQuality;
import io.streamsentinel.domain.ReasonCodes;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Detection quality of every committed decision in {@code fraud-scores} against the labels the
 * generator attached: read straight from the topic (no group, no database), so it needs only a
 * broker.
 *
 * @param quality the labelled decisions' scores, labels and patterns
 * @param read records read
 * @param unlabelled decisions without a label, left out
 * @param enforcement decisions on accounts already blocked, left out: enforcement of an earlier
 *     decision, not detection
 * @param undecodable records that were not decisions, skipped
 * @param byModel the same decisions by the model in force when they were decided ({@link
 *     #RULES_ONLY} for none), each scored by its final score
 * @param rulesByModel the same groups scored by the rules' own score: the rules next to the model
 *     on exactly the decisions it scored
 */
public record DecisionEvaluation(
    DetectionQuality quality,
    long read,
    long unlabelled,
    long enforcement,
    long undecodable,
    Map<String, DetectionQuality> byModel,
    Map<String, DetectionQuality> rulesByModel) {

  /** The group of decisions made while no model was in force. */
  public static final String RULES_ONLY = ModelScoreCell.RULES_ONLY;

  /**
   * Reads {@code fraud-scores} from its start to its end.
   *
   * @param progress sees every record read, for a progress line
   */
  public static DecisionEvaluation read(
      ClientConfigFactory clients, Consumer<ConsumerRecord<String, byte[]>> progress) {
    DetectionQuality quality = new DetectionQuality();
    Map<String, DetectionQuality> byModel = new TreeMap<>();
    Map<String, DetectionQuality> rulesByModel = new TreeMap<>();
    long[] counts = new long[3]; // unlabelled, enforcement, undecodable: one reading thread
    long read =
        CommittedRecords.read(
            clients,
            TopicCatalog.FRAUD_SCORES,
            Map.of(),
            r -> {
              progress.accept(r);
              DecisionSummary d;
              try {
                d = DecisionCodec.decodeSummary(r.value());
              } catch (IllegalArgumentException e) {
                // Not a decision: counted and reported, never a reason to stop evaluating.
                counts[2]++;
                return;
              }
              if (d.reasonCodes().contains(ReasonCodes.ACCOUNT_BLOCKED)) {
                // A blocked account's transaction is declined because of an earlier decision:
                // counting it would charge one decision's consequences to every later one.
                counts[1]++;
              } else if (d.isFraud() == null) {
                counts[0]++;
              } else {
                quality.add(d.score(), d.isFraud(), d.fraudPattern());
                String group = ModelScoreCell.groupOf(d.modelVersion());
                byModel
                    .computeIfAbsent(group, g -> new DetectionQuality())
                    .add(d.score(), d.isFraud(), d.fraudPattern());
                rulesByModel
                    .computeIfAbsent(group, g -> new DetectionQuality())
                    .add(d.rulesScore(), d.isFraud(), d.fraudPattern());
              }
            });
    return new DecisionEvaluation(
        quality, read, counts[0], counts[1], counts[2], byModel, rulesByModel);
  }
}
