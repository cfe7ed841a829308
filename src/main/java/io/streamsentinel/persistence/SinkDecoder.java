package io.streamsentinel.persistence;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes the sink's input records into a {@link SinkBatch}; a record that cannot be decoded
 * becomes a {@link DeadLetter} with the reason, and the rest of the batch goes on.
 */
final class SinkDecoder {

  /** The topics the sink stores. */
  static final List<String> TOPICS =
      List.of(
          TopicCatalog.FRAUD_SCORES,
          TopicCatalog.FRAUD_ALERTS,
          TopicCatalog.USER_ACTIONS,
          TopicCatalog.ACCOUNT_STATUS,
          TopicCatalog.FRAUD_FEEDBACK);

  private static final Instant FIRST_STORABLE = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant END_OF_STORABLE = Instant.parse("+10000-01-01T00:00:00Z");

  private SinkDecoder() {}

  /** Adds the record to the batch, or to the dead letters when it cannot be decoded. */
  static void add(ConsumerRecord<String, byte[]> record, SinkBatch batch, List<DeadLetter> dead) {
    if (record.value() == null) {
      if (!record.topic().equals(TopicCatalog.ACCOUNT_STATUS)) {
        dead.add(new DeadLetter(record, "empty record (no value)"));
      }
      // A tombstone on the compacted status topic deletes nothing we keep: history stays.
      return;
    }
    try {
      switch (record.topic()) {
        case TopicCatalog.FRAUD_SCORES -> batch.decisions.add(row(decision(record), record));
        case TopicCatalog.FRAUD_ALERTS -> batch.alerts.add(row(alert(record), record));
        case TopicCatalog.USER_ACTIONS ->
            batch.actions.add(row(UserActionCodec.decode(record.value()), record));
        case TopicCatalog.ACCOUNT_STATUS ->
            batch.statuses.add(row(AccountStateCodec.decode(record.value()), record));
        case TopicCatalog.FRAUD_FEEDBACK ->
            batch.labels.add(row(LabelCodec.decode(record.value()), record));
        default -> dead.add(new DeadLetter(record, "not a topic the sink stores"));
      }
    } catch (RuntimeException e) {
      // Whatever a codec throws is this record's problem, never a reason to stop the sink.
      dead.add(new DeadLetter(record, String.valueOf(e.getMessage())));
    }
  }

  private static DecisionDocument decision(ConsumerRecord<String, byte[]> record) {
    return withinStorableYears(DecisionDocumentReader.read(record.value()));
  }

  private static DecisionDocument alert(ConsumerRecord<String, byte[]> record) {
    DecisionDocument alert = withinStorableYears(DecisionDocumentReader.read(record.value()));
    if (alert.alertId() == null) {
      throw new IllegalArgumentException("alert_id: required in an alert");
    }
    return alert;
  }

  /**
   * The document, when its event time lies in the years 0000-9999. The detector refuses others on
   * input, but a decision from elsewhere (an older detector, a hand-written record) would otherwise
   * stop the sink: the day partition is named by its date, and a five-digit or signed year makes a
   * {@code DateTimeException} that is neither a row error nor transient.
   */
  private static DecisionDocument withinStorableYears(DecisionDocument d) {
    if (d.eventTime().isBefore(FIRST_STORABLE) || !d.eventTime().isBefore(END_OF_STORABLE)) {
      throw new IllegalArgumentException(
          "event_time: " + d.eventTime() + " is outside the years 0000-9999");
    }
    return d;
  }

  private static <T> SinkBatch.Row<T> row(T value, ConsumerRecord<String, byte[]> record) {
    return new SinkBatch.Row<>(value, record);
  }
}
