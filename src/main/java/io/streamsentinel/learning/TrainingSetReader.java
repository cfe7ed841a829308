package io.streamsentinel.learning;

import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a point-in-time training set from Kafka: the committed decisions of {@code fraud-scores}
 * and the committed labels of {@code fraud-feedback}, each up to its end offsets at the time of the
 * read. A record that cannot be decoded is counted and skipped, never fatal: one bad record must
 * not stop a training run over millions.
 */
public final class TrainingSetReader {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingSetReader.class);

  /** Told of every record read, on the reading thread. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param topic the topic the record came from
     * @param readSoFar records read from that topic so far, this one included
     */
    void recordRead(String topic, long readSoFar);
  }

  /**
   * A read: the joined set and what could not be decoded.
   *
   * @param undecodableDecisions records of {@code fraud-scores} that were not decisions
   * @param undecodableLabels records of {@code fraud-feedback} that were not label events
   */
  public record Result(TrainingSet set, long undecodableDecisions, long undecodableLabels) {}

  private final ClientConfigFactory clients;

  public TrainingSetReader(ClientConfigFactory clients) {
    this.clients = clients;
  }

  /**
   * Reads both topics and joins them.
   *
   * @param builder a builder with the window (since / until) already set
   */
  public Result read(TrainingSet.Builder builder, Progress progress) {
    long[] bad = new long[2];
    long[] read = new long[2];
    CommittedRecords.read(
        clients,
        TopicCatalog.FRAUD_FEEDBACK,
        Map.of(),
        r -> {
          progress.recordRead(r.topic(), ++read[1]);
          try {
            builder.addLabel(LabelCodec.decode(r.value()), Instant.ofEpochMilli(r.timestamp()));
          } catch (IllegalArgumentException e) {
            bad[1]++;
            warn(r, e);
          }
        });
    CommittedRecords.read(
        clients,
        TopicCatalog.FRAUD_SCORES,
        Map.of(),
        r -> {
          progress.recordRead(r.topic(), ++read[0]);
          try {
            builder.addDecision(DecidedTransaction.of(DecisionDocumentReader.read(value(r))));
          } catch (IllegalArgumentException e) {
            bad[0]++;
            warn(r, e);
          }
        });
    return new Result(builder.build(), bad[0], bad[1]);
  }

  private static byte[] value(ConsumerRecord<String, byte[]> r) {
    if (r.value() == null) {
      throw new IllegalArgumentException("a decision has no value");
    }
    return r.value();
  }

  private static void warn(ConsumerRecord<String, byte[]> r, RuntimeException e) {
    LOG.warn(
        "skipped undecodable record {}-{}@{}: {}",
        r.topic(),
        r.partition(),
        r.offset(),
        e.getMessage());
  }
}
