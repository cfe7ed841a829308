package io.streamsentinel.testing;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the integration tests read back from the topics, with read_committed. */
public final class CommittedTopics {

  private CommittedTopics() {}

  /** Decisions on fraud-scores. */
  public static long decisions(ClientConfigFactory clients) {
    return CommittedRecords.count(clients, TopicCatalog.FRAUD_SCORES, Map.of());
  }

  /** Transactions on synthetic-transactions, per user id. */
  public static Map<String, Integer> transactionsPerUser(ClientConfigFactory clients) {
    TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
    Map<String, Integer> perUser = new HashMap<>();
    CommittedRecords.read(
        clients,
        TopicCatalog.TRANSACTIONS,
        Map.of(),
        r -> perUser.merge(codec.decode(r.value()).userId(), 1, Integer::sum));
    return perUser;
  }

  /** Every action on user-actions, in partition order. */
  public static List<UserAction> actions(ClientConfigFactory clients) {
    List<UserAction> out = new ArrayList<>();
    CommittedRecords.read(
        clients,
        TopicCatalog.USER_ACTIONS,
        Map.of(),
        r -> out.add(UserActionCodec.decode(r.value())));
    return out;
  }

  /** The ids of the alerts on fraud-alerts. */
  public static Set<String> alertIds(ClientConfigFactory clients) {
    Set<String> ids = new HashSet<>();
    CommittedRecords.read(
        clients,
        TopicCatalog.FRAUD_ALERTS,
        Map.of(),
        r -> ids.add(DecisionCodec.decodeSummary(r.value()).alertId()));
    return ids;
  }
}
