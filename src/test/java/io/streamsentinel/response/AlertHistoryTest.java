package io.streamsentinel.response;

import static io.streamsentinel.response.Alerts.NOON;
import static io.streamsentinel.response.Alerts.daysBefore;
import static io.streamsentinel.response.Alerts.historyAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertHistoryTest {

  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void shouldCountAlertsAfterTheWindowStartUpToNow() {
    AlertHistory history =
        historyAt(
            daysBefore(NOON, 7), // exactly a week old: out
            daysBefore(NOON, 7).plusMillis(1),
            daysBefore(NOON, 1),
            NOON,
            NOON.plusMillis(1)); // after now: out

    assertThat(history.countWithin(WEEK, NOON)).isEqualTo(3);
  }

  @Test
  void shouldNotChangeWhenAnAlertIsAdded() {
    AlertHistory empty = AlertHistory.empty();

    AlertHistory one = empty.with(NOON);

    assertThat(empty.times()).isEmpty();
    assertThat(one.times()).containsExactly(NOON);
  }

  @Test
  void shouldKeepTimesSortedWhenAlertsArriveOutOfOrder() {
    AlertHistory history = AlertHistory.empty().with(NOON).with(daysBefore(NOON, 2));

    assertThat(history.times()).containsExactly(daysBefore(NOON, 2), NOON);
  }

  @Test
  void shouldKeepOnlyTheMostRecentAlertsBeyondTheCapacity() {
    AlertHistory history = AlertHistory.empty();
    for (int i = 0; i < AlertHistory.CAPACITY + 5; i++) {
      history = history.with(NOON.plusSeconds(i));
    }

    assertThat(history.times()).hasSize(AlertHistory.CAPACITY);
    assertThat(history.times().get(0)).isEqualTo(NOON.plusSeconds(5));
    assertThat(history.countWithin(WEEK, NOON.plusSeconds(3600))).isEqualTo(AlertHistory.CAPACITY);
  }

  @Test
  void shouldDropAnAlertOlderThanAllOfAFullHistory() {
    AlertHistory full = AlertHistory.empty();
    for (int i = 0; i < AlertHistory.CAPACITY; i++) {
      full = full.with(NOON.plusSeconds(i));
    }

    AlertHistory after = full.with(Instant.EPOCH);

    assertThat(after).isEqualTo(full);
  }
}
