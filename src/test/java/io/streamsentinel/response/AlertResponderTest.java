package io.streamsentinel.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.kafka.DeadLetters;
import io.streamsentinel.kafka.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The responder's consume-act-produce loop on Kafka's MockConsumer and MockProducer. */
class AlertResponderTest {

  private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");
  private static final TopicPartition P0 = new TopicPartition(TopicCatalog.FRAUD_ALERTS, 0);

  private MockConsumer<String, byte[]> consumer;
  private MockProducer<String, byte[]> producer;
  private long offset;

  @BeforeEach
  void setUp() {
    consumer = new MockConsumer<>("earliest");
    producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    producer.initTransactions();
  }

  private static byte[] alert(String id, String user, String severity) {
    String json =
        "{\"alert_id\":\""
            + id
            + "\",\"transaction_id\":\"tx-"
            + id
            + "\",\"user_id\":\""
            + user
            + "\",\"event_time\":\"2026-02-01T09:59:59Z\",\"amount\":10.00,\"score\":0.95,\"severity\":\""
            + severity
            + "\",\"reasons\":[{\"code\":\"NEW_DEVICE\",\"detail\":\"d\",\"contribution\":0.5}],"
            + "\"features\":{},\"rule_set_version\":\"v\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private AlertResponder responder() {
    return new AlertResponder(
        consumer,
        producer,
        new ActionPolicy(PolicySettings.defaults()),
        Map::of,
        Clock.fixed(NOW, ZoneOffset.UTC),
        new ResponderCounters());
  }

  /** Runs the loop over the given alert values, then stops it. */
  private AlertResponder runOver(List<byte[]> values) {
    AlertResponder responder = responder();
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(P0));
          consumer.updateBeginningOffsets(Map.of(P0, 0L));
          for (byte[] value : values) {
            consumer.addRecord(new ConsumerRecord<>(P0.topic(), 0, offset++, "key", value));
          }
        });
    consumer.schedulePollTask(responder::stop);
    responder.run();
    return responder;
  }

  private List<ProducerRecord<String, byte[]>> sentTo(String topic) {
    return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
  }

  @Test
  void shouldBlockACriticalAlertsUserAndCommitOffsetsInTheSameTransaction() {
    AlertResponder responder = runOver(List.of(alert("a1", "u1", "CRITICAL")));

    assertThat(sentTo(TopicCatalog.USER_ACTIONS))
        .extracting(r -> UserActionCodec.decode(r.value()).actionType())
        .containsExactly(ActionType.BLOCK_ACCOUNT, ActionType.NOTIFY_FRAUD_TEAM);
    assertThat(sentTo(TopicCatalog.ACCOUNT_STATUS))
        .singleElement()
        .satisfies(
            r ->
                assertThat(AccountStateCodec.decode(r.value()).status())
                    .isEqualTo(AccountStatus.BLOCKED));
    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.consumerGroupOffsetsHistory()).isNotEmpty();
    assertThat(
            producer
                .consumerGroupOffsetsHistory()
                .get(0)
                .values()
                .iterator()
                .next()
                .get(P0)
                .offset())
        .isEqualTo(1);
    assertThat(responder.counters().alertCount()).isEqualTo(1);
  }

  @Test
  void shouldSendAPoisonAlertToTheDlqAndHandleTheNextOne() {
    runOver(List.of("not json".getBytes(StandardCharsets.UTF_8), alert("a2", "u2", "MEDIUM")));

    ProducerRecord<String, byte[]> dead = sentTo(TopicCatalog.FRAUD_ALERTS_DLQ).get(0);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_PROBLEM))
        .contains("undecodable alert");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ORIGIN_OFFSET)).isEqualTo("0");
    assertThat(sentTo(TopicCatalog.USER_ACTIONS))
        .extracting(r -> UserActionCodec.decode(r.value()).actionType())
        .containsExactly(ActionType.MANUAL_REVIEW);
  }

  @Test
  void shouldDeadLetterAnAlertWhoseActionsWouldBeTooLargeToProduceAndHandleTheNextOne() {
    // Before, the producer refused the 100 KB action, the transaction aborted and the same alert
    // was read again, for ever: the partition never moved on.
    String code = "R".repeat(100_000);
    byte[] giant =
        new String(alert("a7", "u7", "CRITICAL"), StandardCharsets.UTF_8)
            .replace("NEW_DEVICE", code)
            .getBytes(StandardCharsets.UTF_8);

    runOver(List.of(giant, alert("a8", "u8", "CRITICAL")));

    ProducerRecord<String, byte[]> dead = sentTo(TopicCatalog.FRAUD_ALERTS_DLQ).get(0);
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_PROBLEM))
        .startsWith("alert too large to act on: its record for user-actions would be 100");
    assertThat(sentTo(TopicCatalog.USER_ACTIONS))
        .extracting(r -> UserActionCodec.decode(r.value()).userId())
        .containsOnly("u8");
    assertThat(sentTo(TopicCatalog.ACCOUNT_STATUS))
        .extracting(ProducerRecord::key)
        .containsOnly("u8");
  }

  @Test
  void shouldAbortAndReadTheBatchAgainWhenTheCommitFails() {
    producer.commitTransactionException = new KafkaException("broker gone");
    AlertResponder responder = responder();
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(P0));
          consumer.updateBeginningOffsets(Map.of(P0, 0L));
          consumer.addRecord(
              new ConsumerRecord<>(P0.topic(), 0, 0, "key", alert("a5", "u5", "LOW")));
        });
    consumer.schedulePollTask(
        () -> {
          // The loop sought back to offset 0; a real broker would hand the record out again.
          producer.commitTransactionException = null;
          consumer.addRecord(
              new ConsumerRecord<>(P0.topic(), 0, 0, "key", alert("a5", "u5", "LOW")));
        });
    consumer.schedulePollTask(responder::stop);

    responder.run();

    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(responder.counters().alertCount()).isEqualTo(2); // handled twice, committed once
  }

  @Test
  void shouldSkipATombstoneOnTheCompactedAlertsTopicAndHandleTheNextAlert() {
    AlertResponder responder =
        runOver(java.util.Arrays.asList(null, alert("a6", "u6", "CRITICAL")));

    assertThat(responder.fatalError()).isNull();
    assertThat(sentTo(TopicCatalog.USER_ACTIONS))
        .extracting(r -> UserActionCodec.decode(r.value()).userId())
        .contains("u6");
    assertThat(sentTo(TopicCatalog.FRAUD_ALERTS_DLQ)).isEmpty();
  }

  @Test
  void shouldStopWithTheCauseWhenTheAbortAfterATimedOutCommitFails() {
    producer.commitTransactionException = new TimeoutException("commit timed out");
    producer.abortTransactionException = new KafkaException("cannot abort while committing");

    AlertResponder responder = runOver(List.of(alert("a7", "u7", "LOW")));

    assertThat(responder.fatalError())
        .isNotNull()
        .hasRootCauseMessage("cannot abort while committing");
  }

  @Test
  void shouldStopWithTheCauseWhenLoadingTheHistoryFails() {
    AlertResponder responder =
        new AlertResponder(
            consumer,
            producer,
            new ActionPolicy(PolicySettings.defaults()),
            () -> {
              throw new IllegalStateException("user-actions unreadable");
            },
            Clock.fixed(NOW, ZoneOffset.UTC),
            new ResponderCounters());
    // The history is loaded after the poll returns, so the poll must be able to return.
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(P0));
          consumer.updateBeginningOffsets(Map.of(P0, 0L));
        });
    consumer.schedulePollTask(responder::stop);

    responder.run();

    assertThat(responder.fatalError()).isNotNull().hasMessageContaining("user-actions unreadable");
  }
}
