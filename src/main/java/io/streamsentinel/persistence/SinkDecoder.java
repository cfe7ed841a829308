package io.streamsentinel.persistence;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.codec.StorableValues;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger log = LoggerFactory.getLogger(SinkDecoder.class);

  private SinkDecoder() {}

  /** Adds the record to the batch, or to the dead letters when it cannot be decoded or stored. */
  static void add(ConsumerRecord<String, byte[]> record, SinkBatch batch, List<DeadLetter> dead) {
    if (record.value() == null) {
      if (record.topic().equals(TopicCatalog.ACCOUNT_STATUS)) {
        // A tombstone on the compacted status topic deletes nothing we keep: history stays.
        log.warn(
            "Skipped a tombstone {}-{}@{}: the status history stays",
            record.topic(),
            record.partition(),
            record.offset());
      } else {
        dead.add(new DeadLetter(record, "empty record (no value)"));
      }
      return;
    }
    String unstorable = StorableValues.textProblem(record.value());
    if (unstorable != null) {
      dead.add(new DeadLetter(record, unstorable));
      return;
    }
    try {
      switch (record.topic()) {
        case TopicCatalog.FRAUD_SCORES -> batch.decisions.add(row(decision(record), record));
        case TopicCatalog.FRAUD_ALERTS -> batch.alerts.add(row(alert(record), record));
        case TopicCatalog.USER_ACTIONS -> batch.actions.add(row(action(record), record));
        case TopicCatalog.ACCOUNT_STATUS -> batch.statuses.add(row(status(record), record));
        case TopicCatalog.FRAUD_FEEDBACK -> batch.labels.add(row(label(record), record));
        default -> dead.add(new DeadLetter(record, "not a topic the sink stores"));
      }
    } catch (RuntimeException e) {
      // Whatever a codec throws is this record's problem, never a reason to stop the sink.
      dead.add(new DeadLetter(record, String.valueOf(e.getMessage())));
    }
  }

  private static DecisionDocument decision(ConsumerRecord<String, byte[]> record) {
    DecisionDocument decision = withinStorableYears(DecisionDocumentReader.read(record.value()));
    requireId("transaction_id", decision.transactionId());
    requireId("user_id", decision.userId());
    return decision;
  }

  private static DecisionDocument alert(ConsumerRecord<String, byte[]> record) {
    DecisionDocument alert = decision(record);
    if (alert.alertId() == null) {
      throw new IllegalArgumentException("alert_id: required in an alert");
    }
    requireId("alert_id", alert.alertId());
    return alert;
  }

  private static UserAction action(ConsumerRecord<String, byte[]> record) {
    UserAction action = UserActionCodec.decode(record.value());
    requireId("action_id", action.actionId());
    requireId("user_id", action.userId());
    StorableValues.requireStorable("decided_at", action.decidedAt());
    StorableValues.requireStorable("alert_time", action.alertTime());
    return action;
  }

  private static AccountState status(ConsumerRecord<String, byte[]> record) {
    AccountState status = AccountStateCodec.decode(record.value());
    requireId("user_id", status.userId());
    StorableValues.requireStorable("updated_at", status.updatedAt());
    StorableValues.requireStorable("expires_at", status.expiresAt());
    return status;
  }

  private static Label label(ConsumerRecord<String, byte[]> record) {
    Label label = LabelCodec.decode(record.value());
    StorableValues.requireStorable("labelled_at", label.labelledAt());
    return label;
  }

  /**
   * The document, when its event time lies in the years 0000-9999. The detector refuses others on
   * input, but a decision from elsewhere (an older detector, a hand-written record) would otherwise
   * stop the sink: the day partition is named by its date, and a five-digit or signed year makes a
   * {@code DateTimeException} that is neither a row error nor transient.
   */
  private static DecisionDocument withinStorableYears(DecisionDocument d) {
    StorableValues.requireStorable("event_time", d.eventTime());
    return d;
  }

  /**
   * Ids are natural keys, at most {@link Transaction#MAX_ID_LENGTH} chars as every stage that
   * writes them makes them; a longer one is not ours (and a megabyte-long key is no key).
   */
  private static void requireId(String field, String id) {
    if (id != null && id.length() > Transaction.MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          field
              + ": longer than "
              + Transaction.MAX_ID_LENGTH
              + " characters ("
              + id.length()
              + ")");
    }
  }

  private static <T> SinkBatch.Row<T> row(T value, ConsumerRecord<String, byte[]> record) {
    return new SinkBatch.Row<>(value, record);
  }
}
