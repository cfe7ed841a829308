package io.streamsentinel.response;

import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds every user's alert history from the audit trail in {@code user-actions}: the state
 * survives restarts and rebalances because it lives in Kafka, not in a map a restart forgets. Only
 * committed actions count.
 *
 * <p>Memory is bounded: {@link AlertHistory#CAPACITY} alert times per user and one alert id per
 * user while loading. Known limitation: the whole topic is still read (90 days retention) after
 * every partition assignment, though no longer inside the rebalance callback (the responder reads
 * it between polls); fine for the demo's volumes. Reading only the assigned users would need the
 * partition counts of {@code fraud-alerts} and {@code user-actions} to line up (both are keyed by
 * user), and a seek by timestamp would bound it by the repeat-offender window.
 */
public final class AlertHistories {

  private static final Logger log = LoggerFactory.getLogger(AlertHistories.class);

  private AlertHistories() {}

  /**
   * Every user's alert history, by alert event time (the clock the repeat-offender window is
   * measured in). {@link AlertHistory} keeps only the most recent alerts.
   */
  public static Map<String, AlertHistory> load(ClientConfigFactory clients) {
    Builder builder = new Builder();
    CommittedRecords.read(clients, TopicCatalog.USER_ACTIONS, Map.of(), builder);
    if (builder.skipped() > 0) {
      log.warn("Alert history: {} unreadable record(s) skipped", builder.skipped());
    }
    return builder.histories();
  }

  /**
   * Folds {@code user-actions} records into histories, each alert once. A record it cannot read (a
   * tombstone, bytes that are no action) is skipped with a warning: the audit trail is written by
   * others too, and one bad record must not stop the responder on every rebalance.
   */
  static final class Builder
      implements java.util.function.Consumer<ConsumerRecord<String, byte[]>> {
    /**
     * The last alert id per user, not every alert id of 90 days: one alert's actions are written
     * together, in one transaction, to its user's partition, so a repeat of the alert id is always
     * the user's latest. Memory grows with users, not with alerts.
     */
    private final Map<String, String> lastAlert = new HashMap<>();

    private final Map<String, AlertHistory> histories = new HashMap<>();
    private long skipped;

    @Override
    public void accept(ConsumerRecord<String, byte[]> record) {
      UserAction action;
      try {
        action = UserActionCodec.decode(record.value());
      } catch (RuntimeException e) {
        skipped++;
        log.warn(
            "Skipped {}-{}@{} while loading alert history: {}",
            record.topic(),
            record.partition(),
            record.offset(),
            e.getMessage());
        return;
      }
      if (action.alertTime() != null
          && !action.alertId().equals(lastAlert.put(action.userId(), action.alertId()))) {
        histories.merge(
            action.userId(),
            AlertHistory.empty().with(action.alertTime()),
            (old, one) -> old.with(action.alertTime()));
      }
    }

    Map<String, AlertHistory> histories() {
      return histories;
    }

    long skipped() {
      return skipped;
    }
  }
}
