package io.streamsentinel.persistence;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes what the detector and responder would, straight to their topics: seeded transactions
 * scored by the real rules, an alert for each score at or above the threshold, a MANUAL_REVIEW
 * action per alert (each opens a case), and a BLOCKED status for every tenth alert.
 */
public final class PipelineFeed implements AutoCloseable {

  /** What was written. */
  public record Counts(int decisions, int alerts, int actions, int statuses) {}

  private final KafkaProducer<String, byte[]> producer;
  private final TransactionSimulator simulator;
  private final FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());
  private final Map<String, UserProfile> profiles = new HashMap<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private int decisions;
  private int alerts;
  private int statuses;

  public PipelineFeed(String bootstrap, long seed) {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    simulator =
        new TransactionSimulator(
            new GeneratorSettings(seed, 300, 0.05, Instant.parse("2026-11-20T00:00:00Z")));
  }

  /** Sends {@code count} more transactions' worth of records and waits until all are stored. */
  public Counts send(int count) {
    for (int i = 0; i < count; i++) {
      Transaction tx = simulator.next();
      UserProfile before = profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId()));
      FraudDetector.Assessment a = detector.assess(tx, before, AccountStatus.ACTIVE);
      profiles.put(tx.userId(), a.profile());
      Decision d = a.decision();
      send(TopicCatalog.FRAUD_SCORES, tx.userId(), DecisionCodec.encodeDecision(d, tx));
      decisions++;
      if (d.isAlert(Decision.DEFAULT_ALERT_THRESHOLD)) {
        alert(d, tx);
      }
    }
    flush();
    return counts();
  }

  private void alert(Decision d, Transaction tx) {
    String alertId = DecisionCodec.alertId(d.transactionId());
    send(TopicCatalog.FRAUD_ALERTS, tx.userId(), DecisionCodec.encodeAlert(d, tx));
    UserAction review =
        new UserAction(
            UserAction.actionId(alertId, ActionType.MANUAL_REVIEW),
            alertId,
            d.transactionId(),
            d.userId(),
            ActionType.MANUAL_REVIEW,
            d.severity(),
            d.reasons().stream().map(r -> r.code()).toList(),
            tx.timestamp().plusSeconds(1),
            tx.timestamp(),
            "policy-test",
            UserAction.RESPONDER,
            null);
    send(TopicCatalog.USER_ACTIONS, d.userId(), UserActionCodec.encode(review));
    alerts++;
    if (alerts % 10 == 0) {
      AccountState blocked =
          new AccountState(
              d.userId(), AccountStatus.BLOCKED, "test block", tx.timestamp().plusSeconds(2), null);
      send(TopicCatalog.ACCOUNT_STATUS, d.userId(), AccountStateCodec.encode(blocked));
      statuses++;
    }
  }

  /** Sends a record as is, e.g. one that cannot be decoded. */
  public void send(String topic, String key, byte[] value) {
    producer.send(
        new ProducerRecord<>(topic, key, value),
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  /** Waits until every record sent so far is acknowledged. */
  void flush() {
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException("the test feed could not send", failure.get());
    }
  }

  Counts counts() {
    return new Counts(decisions, alerts, alerts, statuses);
  }

  public static List<String> topics() {
    return List.of(
        TopicCatalog.FRAUD_SCORES,
        TopicCatalog.FRAUD_ALERTS,
        TopicCatalog.USER_ACTIONS,
        TopicCatalog.ACCOUNT_STATUS);
  }

  @Override
  public void close() {
    producer.close();
  }
}
