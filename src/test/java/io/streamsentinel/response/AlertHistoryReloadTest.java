package io.streamsentinel.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the responder reads its alert history after a rebalance: never inside the rebalance callback
 * (a long read there holds up the group), always before the first alert of a newly assigned
 * partition is acted on.
 */
class AlertHistoryReloadTest {

  private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");
  private static final TopicPartition P0 = new TopicPartition(TopicCatalog.FRAUD_ALERTS, 0);
  private static final TopicPartition P1 = new TopicPartition(TopicCatalog.FRAUD_ALERTS, 1);

  /** Two alerts of u1 in the last day: with a third, u1 is a repeat offender. */
  private static final Map<String, AlertHistory> U1_TWICE =
      Map.of(
          "u1",
          new AlertHistory(
              List.of(
                  Instant.parse("2026-01-31T12:00:00Z"), Instant.parse("2026-02-01T08:00:00Z"))));

  private MockConsumer<String, byte[]> consumer;
  private MockProducer<String, byte[]> producer;

  /** Set while the consumer runs a rebalance callback. */
  private final AtomicBoolean inRebalance = new AtomicBoolean();

  private final List<Boolean> loadsInsideRebalance = new ArrayList<>();

  @BeforeEach
  void setUp() {
    consumer = new MockConsumer<>("earliest");
    producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    producer.initTransactions();
  }

  @Test
  void shouldLoadTheHistoryOutsideTheRebalanceCallbackAndBeforeTheFirstAlert() {
    AlertResponder responder = responder(() -> U1_TWICE);
    consumer.schedulePollTask(
        () -> {
          rebalance(List.of(P0));
          consumer.updateBeginningOffsets(Map.of(P0, 0L));
          consumer.addRecord(record(P0, 0, alert("a1", "u1", "MEDIUM")));
        });
    consumer.schedulePollTask(responder::stop);

    responder.run();

    assertThat(responder.fatalError()).isNull();
    assertThat(loadsInsideRebalance)
        .as("loads, each inside the callback or not")
        .containsExactly(false);
    assertThat(severitiesActedOn())
        .as("the third alert in a day of a repeat offender, known only from the loaded history")
        .containsOnly(Severity.HIGH);
  }

  @Test
  void shouldLoadAgainAfterANewAssignmentBeforeActingOnItsAlerts() {
    List<Map<String, AlertHistory>> loads = new ArrayList<>(List.of(Map.of(), U1_TWICE));
    AlertResponder responder = responder(() -> loads.remove(0));
    consumer.schedulePollTask(
        () -> {
          rebalance(List.of(P0));
          consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        });
    // Another instance acted on u1's alerts meanwhile; then u1's partition moves here.
    consumer.schedulePollTask(
        () -> {
          rebalance(List.of(P0, P1));
          consumer.addRecord(record(P1, 0, alert("a1", "u1", "MEDIUM")));
        });
    consumer.schedulePollTask(responder::stop);

    responder.run();

    assertThat(responder.fatalError()).isNull();
    assertThat(loadsInsideRebalance).containsExactly(false, false);
    assertThat(severitiesActedOn()).containsOnly(Severity.HIGH);
  }

  @Test
  void shouldNotLoadAgainWhenNothingNewWasAssigned() {
    List<Map<String, AlertHistory>> loads = new ArrayList<>(List.of(U1_TWICE));
    AlertResponder responder = responder(() -> loads.remove(0));
    consumer.schedulePollTask(
        () -> {
          rebalance(List.of(P0, P1));
          consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        });
    consumer.schedulePollTask(() -> rebalance(List.of(P0))); // P1 revoked, nothing added
    consumer.schedulePollTask(() -> consumer.addRecord(record(P0, 0, alert("a1", "u1", "LOW"))));
    consumer.schedulePollTask(responder::stop);

    responder.run();

    assertThat(responder.fatalError()).isNull();
    assertThat(loadsInsideRebalance).hasSize(1);
    assertThat(severitiesActedOn()).containsOnly(Severity.MEDIUM);
  }

  private AlertResponder responder(Supplier<Map<String, AlertHistory>> loader) {
    return new AlertResponder(
        consumer,
        producer,
        new ActionPolicy(PolicySettings.defaults()),
        () -> {
          loadsInsideRebalance.add(inRebalance.get());
          return loader.get();
        },
        Clock.fixed(NOW, ZoneOffset.UTC),
        new ResponderCounters());
  }

  /** A rebalance as the consumer runs it inside poll, its callbacks marked. */
  private void rebalance(List<TopicPartition> assignment) {
    inRebalance.set(true);
    try {
      consumer.rebalance(assignment);
    } finally {
      inRebalance.set(false);
    }
  }

  private List<Severity> severitiesActedOn() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(TopicCatalog.USER_ACTIONS))
        .map(r -> UserActionCodec.decode(r.value()))
        .map(UserAction::severity)
        .toList();
  }

  private static ConsumerRecord<String, byte[]> record(TopicPartition tp, long offset, byte[] v) {
    return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, "key", v);
  }

  private static byte[] alert(String id, String user, String severity) {
    String json =
        "{\"alert_id\":\""
            + id
            + "\",\"transaction_id\":\"tx-"
            + id
            + "\",\"user_id\":\""
            + user
            + "\",\"event_time\":\"2026-02-01T09:59:59Z\",\"amount\":10.00,\"score\":0.95,"
            + "\"severity\":\""
            + severity
            + "\",\"reasons\":[{\"code\":\"NEW_DEVICE\",\"detail\":\"d\",\"contribution\":0.5}],"
            + "\"features\":{},\"rule_set_version\":\"v\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
