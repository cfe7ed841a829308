package io.streamsentinel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardStateTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final long SECOND = 1_000_000_000L;

  private final DashboardState state = new DashboardState();

  @Test
  void shouldTurnCountsBetweenSamplesIntoRatesPerSecond() {
    state.sample(T0, 0); // the first sample only sets the baseline
    for (int i = 0; i < 300; i++) {
      state.transaction();
    }
    for (int i = 0; i < 200; i++) {
      state.decision(0.1);
    }
    state.alert(alert("u1", 0.9, "a1"), true);
    state.action(action("u1", "block_account"), true);
    state.sample(T0.plusSeconds(2), 2 * SECOND);

    DashboardSnapshot s = state.snapshot(T0.plusSeconds(2), List.of(), null);

    assertThat(s.series()).hasSize(1);
    assertThat(s.latest().transactionsIn()).isCloseTo(150.0, within(1e-9));
    assertThat(s.latest().scored()).isCloseTo(100.0, within(1e-9));
    assertThat(s.latest().alertsRaised()).isCloseTo(0.5, within(1e-9));
    assertThat(s.latest().actionsTaken()).isCloseTo(0.5, within(1e-9));
    assertThat(s.totals()).isEqualTo(new DashboardSnapshot.Totals(300, 200, 1, 1, 0));
    assertThat(s.fraudRate()).isCloseTo(1.0 / 200, within(1e-12));
  }

  @Test
  void shouldMeasureTheFraudRateOverTheLastMinuteOnly() {
    state.sample(T0, 0);
    for (int second = 1; second <= 70; second++) {
      for (int i = 0; i < 10; i++) {
        state.decision(0.2);
      }
      if (second <= 10) {
        state.alert(alert("u" + second, 0.8, "a" + second), true); // only in the first 10 s
      }
      state.sample(T0.plusSeconds(second), second * SECOND);
    }

    DashboardSnapshot s = state.snapshot(T0.plusSeconds(70), List.of(), null);

    assertThat(s.fraudRate()).isZero(); // the alerts fell out of the 60-second window
    assertThat(s.series()).hasSize(70);
  }

  @Test
  void shouldHaveNoFraudRateBeforeAnyDecision() {
    state.sample(T0, 0);
    state.sample(T0.plusSeconds(1), SECOND);

    assertThat(state.snapshot(T0, List.of(), null).fraudRate()).isNull();
    assertThat(state.snapshot(T0, List.of(), null).latest().scored()).isZero();
  }

  @Test
  void shouldKeepABoundedSeries() {
    for (int second = 0; second <= DashboardState.SERIES_LENGTH + 30; second++) {
      state.sample(T0.plusSeconds(second), second * SECOND);
    }

    assertThat(state.snapshot(T0, List.of(), null).series()).hasSize(DashboardState.SERIES_LENGTH);
  }

  @Test
  void shouldBucketScoresWithOneInTheLastBucket() {
    state.decision(0.0);
    state.decision(0.049);
    state.decision(0.05);
    state.decision(0.999);
    state.decision(1.0);
    state.decision(Double.NaN);

    List<DashboardSnapshot.ScoreBucket> buckets =
        state.snapshot(T0, List.of(), null).scoreDistribution();

    assertThat(buckets).hasSize(DashboardState.SCORE_BUCKETS);
    assertThat(buckets.get(0)).isEqualTo(new DashboardSnapshot.ScoreBucket(0.0, 0.05, 3));
    assertThat(buckets.get(1).count()).isEqualTo(1);
    assertThat(buckets.get(19)).isEqualTo(new DashboardSnapshot.ScoreBucket(0.95, 1.0, 2));
    assertThat(buckets.stream().mapToLong(DashboardSnapshot.ScoreBucket::count).sum()).isEqualTo(6);
  }

  @Test
  void shouldShowTheLatestAlertsNewestFirstAndCountOnlyThoseSinceStart() {
    state.alert(alert("u0", 0.7, "old"), false); // read back for the feed at start
    for (int i = 1; i <= DashboardState.FEED_LENGTH + 5; i++) {
      state.alert(alert("u" + i, 0.7, "a" + i), true);
    }

    DashboardSnapshot s = state.snapshot(T0, List.of(), null);

    assertThat(s.alerts()).hasSize(DashboardState.FEED_LENGTH);
    assertThat(s.alerts().get(0).alertId()).isEqualTo("a" + (DashboardState.FEED_LENGTH + 5));
    assertThat(s.alerts()).extracting(DashboardSnapshot.AlertItem::alertId).doesNotContain("old");
    assertThat(s.totals().alerts()).isEqualTo(DashboardState.FEED_LENGTH + 5);
  }

  @Test
  void shouldRankUsersByTheirHighestScoreThenAlertCountAndShowTheirLatestAction() {
    state.alert(alert("steady", 0.8, "s1"), true);
    state.alert(alert("steady", 0.8, "s2"), true);
    state.alert(alert("once", 0.8, "o1"), true);
    state.alert(alert("worst", 0.95, "w1"), true);
    state.alert(alert("worst", 0.6, "w2"), true);
    state.action(action("worst", "block_account"), true);
    state.action(action("nobody-alerted", "monitor"), true);

    List<DashboardSnapshot.UserRisk> ranked = state.snapshot(T0, List.of(), null).riskiestUsers();

    assertThat(ranked)
        .extracting(DashboardSnapshot.UserRisk::userId)
        .containsExactly("worst", "steady", "once");
    assertThat(ranked.get(0))
        .isEqualTo(new DashboardSnapshot.UserRisk("worst", 2, 0.95, "HIGH", T0, "block_account"));
  }

  @Test
  void shouldCarryLagAndHealthAsGiven() {
    PartitionLag row = new PartitionLag("g", "t", 0, 5L, 10L, 5L, "member", "/127.0.0.1", "client");
    Map<String, Object> health = Map.of("status", "UP");

    DashboardSnapshot s = state.snapshot(T0, List.of(row), health);

    assertThat(s.lag()).containsExactly(row);
    assertThat(s.health()).isEqualTo(health);
    assertThat(s.latest()).isNull();
  }

  private static DashboardSnapshot.AlertItem alert(String user, double score, String id) {
    return new DashboardSnapshot.AlertItem(
        T0,
        id,
        "tx-" + id,
        user,
        score,
        "HIGH",
        new BigDecimal("12.50"),
        "EUR",
        "Shop",
        "DE",
        "Berlin",
        List.of(new DashboardSnapshot.Reason("VELOCITY_1M", "3 transactions in 60 s")));
  }

  private static DashboardSnapshot.ActionItem action(String user, String type) {
    return new DashboardSnapshot.ActionItem(
        T0, user, type, "HIGH", List.of("VELOCITY_1M"), "responder", null);
  }
}
