package io.streamsentinel.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Alert;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.runtime.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The notifier's loop over {@code user-actions} on Kafka's MockConsumer. */
class ActionNotifierTest {

  private static final TopicPartition P0 = new TopicPartition(TopicCatalog.USER_ACTIONS, 0);
  private static final Backoff FAST_RETRY =
      new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(2));

  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final ResponderCounters counters = new ResponderCounters();
  private long offset;

  /** The actions the policy takes on a CRITICAL alert of {@code user}: block, notify. */
  private static List<UserAction> criticalActions(String user) {
    Alert alert =
        new Alert(
            "alert-" + user,
            "tx-" + user,
            user,
            Severity.CRITICAL,
            Severity.CRITICAL.minScore(),
            List.of("VELOCITY_1M"),
            Alerts.NOON);
    return new ActionPolicy(PolicySettings.defaults())
        .decide(alert, AlertHistory.empty(), Alerts.DECIDED)
        .actions();
  }

  private ConsumerRecord<String, byte[]> record(byte[] value, long timestamp) {
    return new ConsumerRecord<>(
        P0.topic(),
        0,
        offset++,
        timestamp,
        TimestampType.CREATE_TIME,
        0,
        0,
        "k",
        value,
        new org.apache.kafka.common.header.internals.RecordHeaders(),
        java.util.Optional.empty());
  }

  private ActionNotifier runOver(Notifier notifier, List<ConsumerRecord<String, byte[]>> records) {
    ActionNotifier loop =
        new ActionNotifier(
            consumer, notifier, FAST_RETRY, Clock.fixed(Alerts.DECIDED, ZoneOffset.UTC), counters);
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(P0));
          consumer.updateBeginningOffsets(Map.of(P0, 0L));
          records.forEach(consumer::addRecord);
        });
    consumer.schedulePollTask(loop::stop);
    loop.run();
    return loop;
  }

  private List<ConsumerRecord<String, byte[]>> recordsOf(List<UserAction> actions) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    for (UserAction a : actions) {
      out.add(record(UserActionCodec.encode(a), Alerts.DECIDED.toEpochMilli()));
    }
    return out;
  }

  @Test
  void shouldDeliverOnlyNotificationsAndCommitAfterwards() {
    List<ActionType> delivered = new ArrayList<>();

    ActionNotifier loop =
        runOver(a -> delivered.add(a.actionType()), recordsOf(criticalActions("u1")));

    assertThat(delivered).containsExactly(ActionType.NOTIFY_FRAUD_TEAM);
    assertThat(consumer.committed(java.util.Set.of(P0)).get(P0).offset()).isEqualTo(2);
    assertThat(counters.notificationsDeliveredCount()).isEqualTo(1);
    assertThat(loop.fatalError()).isNull();
  }

  @Test
  void shouldRetryThenGiveUpWithACounterAndGoOnToTheNextNotification() {
    List<String> calls = new ArrayList<>();
    Notifier failsForU1 =
        a -> {
          calls.add(a.userId());
          if (a.userId().equals("u1")) {
            throw new Notifier.NotificationException("HTTP 503", true, null);
          }
        };
    List<ConsumerRecord<String, byte[]>> records =
        new ArrayList<>(recordsOf(criticalActions("u1")));
    records.addAll(recordsOf(criticalActions("u2")));

    runOver(failsForU1, records);

    assertThat(calls).containsExactly("u1", "u1", "u1", "u2");
    assertThat(counters.notificationsGivenUpCount()).isEqualTo(1);
    assertThat(counters.notificationsDeliveredCount()).isEqualTo(1);
    assertThat(consumer.committed(java.util.Set.of(P0)).get(P0).offset()).isEqualTo(4);
  }

  @Test
  void shouldSkipBadRecordsAndStaleNotifications() {
    List<String> delivered = new ArrayList<>();
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    records.add(record(null, Alerts.DECIDED.toEpochMilli()));
    records.add(record("garbage".getBytes(StandardCharsets.UTF_8), Alerts.DECIDED.toEpochMilli()));
    UserAction old = criticalActions("old").get(1);
    records.add(
        record(
            UserActionCodec.encode(old),
            Alerts.DECIDED.minus(ActionNotifier.MAX_AGE).minusSeconds(1).toEpochMilli()));
    records.addAll(recordsOf(criticalActions("u3")));

    ActionNotifier loop = runOver(a -> delivered.add(a.userId()), records);

    assertThat(delivered).containsExactly("u3");
    assertThat(loop.fatalError()).isNull();
  }
}
