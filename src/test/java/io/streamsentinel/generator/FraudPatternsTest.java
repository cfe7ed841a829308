package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Each pattern, checked with features a detector could compute from the stream alone. */
class FraudPatternsTest {

  private static final double FRAUD_RATE = 0.02;
  private static final SimulatedStream STREAM =
      SimulatedStream.take(
          GeneratorSettings.withSeed(2025).withUsers(2_000).withFraudRate(FRAUD_RATE), 200_000);
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @Test
  void shouldLabelAboutTheConfiguredFractionOfEvents() {
    long fraud = STREAM.events().stream().filter(Transaction::isFraud).count();
    double fraction = (double) fraud / STREAM.events().size();
    assertThat(fraction).isBetween(FRAUD_RATE * 0.75, FRAUD_RATE * 1.25);
  }

  @Test
  void shouldStartPatternsOftenEnoughForTheTargetRate() {
    double meanLength = 5.8; // (8.5 + 4.5 + 1 + 1 + 14) / 5
    double p = FraudPlanner.startProbability(0.02);
    assertThat(p * meanLength / (1 + p * meanLength)).isCloseTo(0.02, within(1e-12));
    assertThat(FraudPlanner.startProbability(0)).isZero();
  }

  @Test
  void shouldInjectEveryPattern() {
    Set<FraudPattern> seen = EnumSet.noneOf(FraudPattern.class);
    STREAM.events().stream()
        .filter(Transaction::isFraud)
        .forEach(t -> seen.add(FraudPattern.fromWire(t.fraudPattern())));
    assertThat(seen).containsExactlyInAnyOrder(FraudPattern.values());
  }

  @Test
  void shouldTestCardsWithBurstsOfTinyOnlinePaymentsAtNewMerchants() {
    List<Transaction> tests = labelled(FraudPattern.CARD_TESTING);
    BigDecimal five = BigDecimal.valueOf(5);
    assertThat(tests)
        .allSatisfy(
            t -> {
              assertThat(t.amount()).isBetween(new BigDecimal("0.50"), new BigDecimal("4.99"));
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(eventsInAWindowAround(t, e -> e.amount().compareTo(five) < 0))
                  .isGreaterThanOrEqualTo(5);
            });
    assertThat(shareAtMerchantsNewToTheUser(tests)).isGreaterThan(0.9);
  }

  @Test
  void shouldTakeOverAccountsFromUnknownDevicesWithLargeAmounts() {
    List<Transaction> takeovers = labelled(FraudPattern.ACCOUNT_TAKEOVER);
    assertThat(takeovers)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(user.deviceIds()).doesNotContain(t.deviceId());
              assertThat(t.amount()).isGreaterThanOrEqualTo(times(user, 5));
              assertThat(t.amount()).isGreaterThanOrEqualTo(BigDecimal.valueOf(400));
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(t.merchantCategory()).isIn("electronics", "jewelry", "gift_cards");
            });
    assertThat(shareAtMerchantsNewToTheUser(takeovers)).isGreaterThan(0.9);
  }

  @Test
  void shouldTravelFasterThanAnAirlinerFromTheUsersPreviousEvent() {
    Map<String, Transaction> previous = new HashMap<>();
    int checked = 0;
    for (Transaction t : STREAM.events()) {
      if (FraudPattern.IMPOSSIBLE_TRAVEL.wireName().equals(t.fraudPattern())) {
        Transaction before = previous.get(t.userId());
        assertThat(before).as("a previous event of %s", t.userId()).isNotNull();
        assertThat(speedKmPerHour(before, t)).isGreaterThan(1_000);
        assertThat(t.channel()).isEqualTo(Channel.CARD_PRESENT);
        assertThat(t.country()).isNotEqualTo(STREAM.userOf(t).country());
        checked++;
      }
      previous.put(t.userId(), t);
    }
    assertThat(checked).isPositive();
  }

  @Test
  void shouldSpendHighAmountsOutsideTheUsersActiveHours() {
    assertThat(labelled(FraudPattern.HIGH_AMOUNT_UNUSUAL_HOUR))
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              int hour = TransactionSimulatorTest.localHour(t, user);
              assertThat(user.isActiveHour(hour)).as("active at %d", hour).isFalse();
              assertThat(t.amount()).isGreaterThanOrEqualTo(times(user, 8));
            });
  }

  @Test
  void shouldBurstAtLeastEightPaymentsWithinTenMinutes() {
    assertThat(labelled(FraudPattern.VELOCITY_BURST))
        .allSatisfy(
            t -> {
              assertThat(eventsInAWindowAround(t, e -> true)).isGreaterThanOrEqualTo(8);
              assertThat(t.amount()).isLessThanOrEqualTo(times(STREAM.userOf(t), 3));
            });
  }

  private static List<Transaction> labelled(FraudPattern pattern) {
    List<Transaction> events =
        STREAM.events().stream().filter(t -> pattern.wireName().equals(t.fraudPattern())).toList();
    assertThat(events).as("events of %s", pattern).isNotEmpty();
    return events;
  }

  /**
   * The most events of the same user and pattern matching {@code filter} in any ten-minute window
   * that contains {@code event}.
   */
  private static int eventsInAWindowAround(Transaction event, Predicate<Transaction> filter) {
    List<Transaction> same =
        STREAM.eventsOf(event.userId()).stream()
            .filter(t -> event.fraudPattern().equals(t.fraudPattern()) && filter.test(t))
            .toList();
    int best = 0;
    for (Transaction first : same) {
      Duration lead = Duration.between(first.timestamp(), event.timestamp());
      if (lead.isNegative() || lead.compareTo(TEN_MINUTES) > 0) {
        continue;
      }
      var end = first.timestamp().plus(TEN_MINUTES);
      int count = 0;
      for (Transaction t : same) {
        count += !t.timestamp().isBefore(first.timestamp()) && !t.timestamp().isAfter(end) ? 1 : 0;
      }
      best = Math.max(best, count);
    }
    return best;
  }

  /** Share of the given events at a merchant the user had not used earlier in the stream. */
  private static double shareAtMerchantsNewToTheUser(List<Transaction> events) {
    Set<Transaction> wanted = new HashSet<>(events);
    Map<String, Set<String>> seen = new HashMap<>();
    List<Boolean> isNew = new ArrayList<>();
    for (Transaction t : STREAM.events()) {
      Set<String> merchants = seen.computeIfAbsent(t.userId(), id -> new HashSet<>());
      if (wanted.contains(t)) {
        isNew.add(!merchants.contains(t.merchant()));
      }
      merchants.add(t.merchant());
    }
    return isNew.stream().filter(b -> b).count() / (double) isNew.size();
  }

  private static double speedKmPerHour(Transaction from, Transaction to) {
    double km = Haversine.km(from.latitude(), from.longitude(), to.latitude(), to.longitude());
    double hours = Duration.between(from.timestamp(), to.timestamp()).toNanos() / 3.6e12;
    return hours == 0 ? Double.POSITIVE_INFINITY : km / hours;
  }

  private static BigDecimal times(SyntheticUser user, int factor) {
    return user.typicalAmount().multiply(BigDecimal.valueOf(factor));
  }
}
