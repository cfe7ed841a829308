package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each held-out pattern, checked with features a detector could compute from the stream: unusual
 * for the victim against the victim's own history, and none of the default patterns' tells.
 */
class HarborFraudPatternsTest {

  private static final SimulatedStream STREAM = HarborWorldTest.HARBOR;

  @Test
  void shouldNeverLookLikeTheDefaultPatterns() {
    List<Transaction> fraud = STREAM.events().stream().filter(Transaction::isFraud).toList();
    assertThat(fraud)
        .allSatisfy(
            t -> {
              int hour = HarborWorldTest.localHour(t);
              assertThat(hour >= 1 && hour < 6).as("in the small hours: %d", hour).isFalse();
              assertThat(t.country()).isEqualTo(STREAM.userOf(t).country());
              assertThat(t.amount()).isGreaterThanOrEqualTo(BigDecimal.valueOf(100));
            });
    for (List<Transaction> run : runs(fraud).values()) {
      for (int i = 1; i < run.size(); i++) {
        assertThat(gap(run.get(i - 1), run.get(i)))
            .as("gap within %s", run.get(i).fraudPattern())
            .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
      }
    }
  }

  @Test
  void shouldUseCounterfeitCardsInPersonInAnotherCityOfTheCountry() {
    List<Transaction> events = labelled(HarborFraudPattern.COUNTERFEIT_CARD_PRESENT);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.channel()).isEqualTo(Channel.CARD_PRESENT);
              assertThat(t.city()).isNotEqualTo(user.homeCity().name());
              assertThat(Haversine.km(t.latitude(), t.longitude(), user.homeCity()))
                  .isGreaterThan(100);
              assertThat(HarborWorldTest.localHour(t)).isBetween(10, 20);
            });
    assertThat(shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.9);
  }

  @Test
  void shouldTakeOverLowAndSlowFromANewDeviceWithinTheUsersHoursEscalating() {
    List<Transaction> events = labelled(HarborFraudPattern.LOW_AND_SLOW_TAKEOVER);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(user.deviceIds()).doesNotContain(t.deviceId());
              assertThat(user.isActiveHour(HarborWorldTest.localHour(t))).isTrue();
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
            });
    for (List<Transaction> run : byDevice(events).values()) {
      for (int i = 1; i < run.size(); i++) {
        assertThat(gap(run.get(i - 1), run.get(i))).isGreaterThanOrEqualTo(Duration.ofHours(2));
        // Rising until a ceiling of 8x typical, where it stays.
        assertThat(run.get(i).amount()).isGreaterThanOrEqualTo(run.get(i - 1).amount());
      }
      if (run.size() > 1) {
        assertThat(run.get(run.size() - 1).amount()).isGreaterThan(run.get(0).amount());
      }
    }
    assertThat(shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.9);
  }

  @Test
  void shouldReshipResellableGoodsOrderedFromOneNewDeviceOverTheDay() {
    List<Transaction> events = labelled(HarborFraudPattern.TRIANGULATION_RESHIPPING);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(STREAM.userOf(t).deviceIds()).doesNotContain(t.deviceId());
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(t.merchantCategory())
                  .isIn("electronics", "fashion", "jewelry", "online_services");
            });
    for (List<Transaction> run : byDevice(events).values()) {
      for (int i = 1; i < run.size(); i++) {
        assertThat(gap(run.get(i - 1), run.get(i))).isGreaterThanOrEqualTo(Duration.ofHours(1));
      }
    }
    assertThat(shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.9);
  }

  @Test
  void shouldCashOutAtSeveralNearbyAtmsTensOfMinutesApart() {
    List<Transaction> events = labelled(HarborFraudPattern.ATM_CASH_OUT);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.channel()).isEqualTo(Channel.ATM);
              assertThat(t.amount().remainder(BigDecimal.valueOf(10_000))).isZero();
              assertThat(t.amount())
                  .isBetween(BigDecimal.valueOf(20_000), BigDecimal.valueOf(50_000));
              assertThat(Haversine.km(t.latitude(), t.longitude(), STREAM.userOf(t).homeCity()))
                  .isLessThan(30);
            });
    Map<String, List<Transaction>> byUser =
        events.stream().collect(Collectors.groupingBy(Transaction::userId));
    assertThat(byUser.values()).allSatisfy(run -> assertThat(run).hasSizeGreaterThanOrEqualTo(4));
    for (List<Transaction> run : byUser.values()) {
      assertThat(gap(run.get(0), run.get(1))).isGreaterThanOrEqualTo(Duration.ofMinutes(8));
    }
  }

  @Test
  void shouldSpendTheSameRoundAmountOnManyCardsFromOneDeviceAtOneMerchant() {
    Map<String, List<Transaction>> sprees =
        byDevice(labelled(HarborFraudPattern.COMPROMISED_MERCHANT_SPREE));
    assertThat(sprees.values())
        .allSatisfy(
            spree -> {
              assertThat(spree.stream().map(Transaction::userId).distinct().count())
                  .isEqualTo(spree.size())
                  .isGreaterThanOrEqualTo(5);
              assertThat(spree.stream().map(Transaction::amount).distinct()).hasSize(1);
              assertThat(spree.stream().map(Transaction::merchant).distinct()).hasSize(1);
              assertThat(spree)
                  .allSatisfy(
                      t -> assertThat(STREAM.userOf(t).deviceIds()).doesNotContain(t.deviceId()));
            });
  }

  private static List<Transaction> labelled(HarborFraudPattern pattern) {
    List<Transaction> events =
        STREAM.events().stream().filter(t -> pattern.wireName().equals(t.fraudPattern())).toList();
    assertThat(events).as("events of %s", pattern).isNotEmpty();
    return events;
  }

  /** Fraud events per user and pattern, in stream order. */
  private static Map<String, List<Transaction>> runs(List<Transaction> events) {
    return events.stream()
        .collect(
            Collectors.groupingBy(
                t -> t.userId() + "/" + t.fraudPattern() + "/" + t.deviceId(),
                LinkedHashMap::new,
                Collectors.toList()));
  }

  /** Events per device (one occurrence each: a fraudster's device is new every time). */
  private static Map<String, List<Transaction>> byDevice(List<Transaction> events) {
    return events.stream()
        .collect(
            Collectors.groupingBy(Transaction::deviceId, LinkedHashMap::new, Collectors.toList()));
  }

  private static Duration gap(Transaction earlier, Transaction later) {
    return Duration.between(earlier.timestamp(), later.timestamp());
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
}
