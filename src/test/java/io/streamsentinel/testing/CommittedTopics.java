package io.streamsentinel.testing;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.HashMap;
import java.util.Map;

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
}
