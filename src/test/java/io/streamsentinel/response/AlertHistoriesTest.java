package io.streamsentinel.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.TopicCatalog;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Rebuilding alert histories from {@code user-actions} records, bad ones included. */
class AlertHistoriesTest {

  private long offset;

  private ConsumerRecord<String, byte[]> record(byte[] value) {
    return new ConsumerRecord<>(TopicCatalog.USER_ACTIONS, 0, offset++, "k", value);
  }

  private static byte[] actionOf(String alertId) {
    UserAction action =
        new ActionPolicy(PolicySettings.defaults())
            .decide(
                new io.streamsentinel.domain.Alert(
                    alertId,
                    "tx-" + alertId,
                    Alerts.USER,
                    io.streamsentinel.domain.Severity.HIGH,
                    io.streamsentinel.domain.Severity.HIGH.minScore(),
                    java.util.List.of("VELOCITY_1M"),
                    Alerts.NOON),
                AlertHistory.empty(),
                Alerts.DECIDED)
            .actions()
            .get(0);
    return UserActionCodec.encode(action);
  }

  @Test
  void shouldSkipAnUndecodableActionAndATombstoneAndKeepLoading() {
    AlertHistories.Builder builder = new AlertHistories.Builder();

    builder.accept(record(actionOf("a1")));
    builder.accept(record("not json".getBytes(StandardCharsets.UTF_8)));
    builder.accept(record(null));
    builder.accept(record(actionOf("a2")));

    assertThat(builder.histories().get(Alerts.USER).times()).hasSize(2);
    assertThat(builder.skipped()).isEqualTo(2);
  }

  @Test
  void shouldCountEachAlertOnceWhateverItsNumberOfActions() {
    AlertHistories.Builder builder = new AlertHistories.Builder();

    builder.accept(record(actionOf("a1")));
    builder.accept(record(actionOf("a1")));

    assertThat(builder.histories().get(Alerts.USER).times()).hasSize(1);
  }

  @Test
  void shouldCountTwoAlertsOfTheUserTwiceAndIgnoreOperatorActions() {
    AlertHistories.Builder builder = new AlertHistories.Builder();

    builder.accept(record(actionOf("a1")));
    builder.accept(
        record(
            UserActionCodec.encode(
                UserAction.manual(
                    Alerts.USER,
                    io.streamsentinel.domain.ActionType.UNBLOCK_ACCOUNT,
                    "alice",
                    "verified",
                    Alerts.DECIDED,
                    PolicySettings.DEFAULT_VERSION))));
    builder.accept(record(actionOf("a1")));
    builder.accept(record(actionOf("a2")));

    assertThat(builder.histories().get(Alerts.USER).times()).hasSize(2);
  }
}
