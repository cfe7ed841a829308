package io.streamsentinel.response;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * An operator's view of and override on an account: the current state from the compacted {@code
 * account-status} topic, and a status change written together with its audit action in one
 * transaction.
 */
public final class AccountOverrides {

  /** How long {@link #set} waits for its records to be readable. */
  public static final Duration READABLE_TIMEOUT = Duration.ofSeconds(10);

  private final ClientConfigFactory clients;

  public AccountOverrides(ClientConfigFactory clients) {
    this.clients = clients;
  }

  /**
   * What an override wrote.
   *
   * @param audit the audit action on {@code user-actions}
   * @param readable whether both records were readable (read_committed) within 10 s, so a status
   *     check right after sees the change
   */
  public record Result(UserAction audit, boolean readable) {}

  /** The current state of a user; null when the topic holds none. */
  public AccountState current(String userId) {
    AtomicReference<AccountState> latest = new AtomicReference<>();
    CommittedRecords.read(
        clients,
        TopicCatalog.ACCOUNT_STATUS,
        Map.of(),
        r -> {
          if (userId.equals(r.key())) {
            latest.set(r.value() == null ? null : AccountStateCodec.decode(r.value()));
          }
        });
    return latest.get();
  }

  /**
   * Sets a user's status, with its audit action, in one transaction: the status never changes
   * without its audit record, nor the other way round.
   */
  public Result set(
      String userId,
      AccountStatus status,
      ActionType type,
      String operator,
      String reason,
      Instant now)
      throws InterruptedException, ExecutionException {
    UserAction audit =
        UserAction.manual(userId, type, operator, reason, now, PolicySettings.DEFAULT_VERSION);
    AccountState state = new AccountState(userId, status, "manual: " + reason, now, null);
    // A transactional id of its own per run, so two operators never fence each other.
    String txId = ClientCatalog.accountTransaction(UUID.randomUUID().toString());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            clients.transactionalProducer(ClientCatalog.ACCOUNT, txId).toProperties())) {
      producer.initTransactions();
      producer.beginTransaction();
      Future<RecordMetadata> action =
          producer.send(
              new ProducerRecord<>(
                  TopicCatalog.USER_ACTIONS, userId, UserActionCodec.encode(audit)));
      Future<RecordMetadata> written =
          producer.send(
              new ProducerRecord<>(
                  TopicCatalog.ACCOUNT_STATUS, userId, AccountStateCodec.encode(state)));
      producer.commitTransaction();
      // Read-your-writes: a status check right after must see the change.
      boolean readable =
          CommittedRecords.awaitReadable(
              clients, offsets(action.get(), written.get()), READABLE_TIMEOUT);
      return new Result(audit, readable);
    }
  }

  private static Map<TopicPartition, Long> offsets(RecordMetadata... written) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (RecordMetadata m : written) {
      offsets.put(new TopicPartition(m.topic(), m.partition()), m.offset());
    }
    return offsets;
  }
}
