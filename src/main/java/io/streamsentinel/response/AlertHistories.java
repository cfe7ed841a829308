package io.streamsentinel.response;

import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds every user's alert history from the audit trail in {@code user-actions}: the state
 * survives restarts and rebalances because it lives in Kafka, not in a map a restart forgets. Only
 * committed actions count.
 *
 * <p>Known limitation: the whole topic is read (90 days retention) on every partition assignment;
 * fine for the demo's volumes, a seek by timestamp would be the next step.
 */
public final class AlertHistories {

  private AlertHistories() {}

  /**
   * Every user's alert history, by alert event time (the clock the repeat-offender window is
   * measured in). {@link AlertHistory} keeps only the most recent alerts.
   */
  public static Map<String, AlertHistory> load(ClientConfigFactory clients) {
    Set<String> seenAlerts = new HashSet<>();
    Map<String, AlertHistory> histories = new HashMap<>();
    CommittedRecords.read(
        clients,
        TopicCatalog.USER_ACTIONS,
        Map.of(),
        record -> {
          UserAction action = UserActionCodec.decode(record.value());
          if (action.alertTime() != null && seenAlerts.add(action.alertId())) {
            histories.merge(
                action.userId(),
                AlertHistory.empty().with(action.alertTime()),
                (old, one) -> old.with(action.alertTime()));
          }
        });
    return histories;
  }
}
