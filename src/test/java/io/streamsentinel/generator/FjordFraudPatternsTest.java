package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
 * Each pattern of the blind world, checked with features a detector could compute from the stream:
 * unusual for the victim against the victim's own history, and none of the default patterns' tells
 * (tiny amounts, bursts within a minute, another country, the small hours).
 */
class FjordFraudPatternsTest {

  private static final SimulatedStream STREAM = FjordWorldTest.FJORD;

  /** Runs that start after this may be cut off by the end of the sample; their length is open. */
  private static final Instant LAST_WHOLE_RUN_START = lastEvent().minus(Duration.ofDays(3));

  @Test
  void shouldNeverLookLikeTheDefaultPatterns() {
    List<Transaction> fraud = STREAM.events().stream().filter(Transaction::isFraud).toList();
    assertThat(fraud)
        .allSatisfy(
            t -> {
              int hour = FjordWorldTest.hourOf(t);
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
  void shouldTapAStolenCardUnderTheContactlessLimitAtNewShopsAcrossTown() {
    List<Transaction> events = labelled(FjordFraudPattern.CONTACTLESS_STOLEN_CARD);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.channel()).isEqualTo(Channel.CARD_PRESENT);
              assertThat(t.deviceId()).isNull();
              assertThat(t.amount()).isLessThan(BigDecimal.valueOf(500));
              assertThat(t.city()).isEqualTo(user.homeCity().name());
              assertThat(fromHome(t)).isLessThan(15);
              assertThat(FjordWorldTest.hourOf(t)).isBetween(11, 23);
            });
    double awayFromHome = events.stream().filter(t -> fromHome(t) > 2).count();
    assertThat(awayFromHome / events.size()).isGreaterThan(0.7);
    List<Transaction> normal = STREAM.events().stream().filter(t -> !t.isFraud()).toList();
    assertThat(normal.stream().filter(t -> fromHome(t) > 2).count() / (double) normal.size())
        .isLessThan(0.6);
    assertThat(wholeRuns(events, Duration.ofHours(8)))
        .allSatisfy(run -> assertThat(run).hasSizeBetween(3, 8));
    assertThat(shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.9);
  }

  @Test
  void shouldPayInShopsOfALargeCityWithAPhoneTheVictimNeverUsed() {
    List<Transaction> events = labelled(FjordFraudPattern.WALLET_PROVISIONING);
    Set<String> largeCities =
        FjordCities.all().subList(0, 4).stream().map(City::name).collect(Collectors.toSet());
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.channel()).isEqualTo(Channel.CARD_PRESENT);
              assertThat(t.deviceId()).isNotNull();
              assertThat(STREAM.userOf(t).deviceIds()).doesNotContain(t.deviceId());
              assertThat(t.city()).isIn(largeCities);
              assertThat(t.merchantCategory()).isIn("electronics", "jewelry");
              assertThat(FjordWorldTest.hourOf(t)).isBetween(10, 19);
            });
    for (List<Transaction> run : byDevice(events).values()) {
      assertThat(run.stream().map(Transaction::userId).distinct()).hasSize(1);
      for (int i = 1; i < run.size(); i++) {
        assertThat(gap(run.get(i - 1), run.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(20));
      }
    }
    assertThat(shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.9);
  }

  @Test
  void shouldBuyGiftCardsInRoundAmountsFromTheVictimsOwnDeviceAtTheirHours() {
    List<Transaction> events = labelled(FjordFraudPattern.ELDER_GIFT_CARD_SCAM);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(user.deviceIds()).contains(t.deviceId());
              assertThat(t.merchantCategory()).isEqualTo("gift_cards");
              assertThat(t.amount().remainder(BigDecimal.valueOf(500))).isZero();
              assertThat(t.amount())
                  .isBetween(BigDecimal.valueOf(1_000), BigDecimal.valueOf(5_000));
              assertThat(user.isActiveHour(FjordWorldTest.hourOf(t))).isTrue();
              assertThat(t.city()).isEqualTo(user.homeCity().name());
            });
    for (List<Transaction> run : wholeRuns(events, Duration.ofHours(3))) {
      assertThat(run).hasSizeBetween(2, 5);
      assertThat(gap(run.get(0), run.get(run.size() - 1))).isLessThan(Duration.ofHours(2));
      BigDecimal total =
          run.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(total).isGreaterThan(STREAM.userOf(run.get(0)).typicalAmount());
    }
  }

  @Test
  void shouldBustOutOnceWithManyLargePurchasesAndCashOverAFewDaysAtHome() {
    List<Transaction> events = labelled(FjordFraudPattern.SYNTHETIC_BUST_OUT);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.city()).isEqualTo(user.homeCity().name());
              assertThat(user.isActiveHour(FjordWorldTest.hourOf(t))).isTrue();
              assertThat(t.merchantCategory())
                  .isIn("electronics", "jewelry", "travel", "gift_cards", "atm_cash");
              if (t.channel() == Channel.ONLINE) {
                assertThat(user.deviceIds()).contains(t.deviceId());
              }
              if (t.channel() == Channel.ATM) {
                assertThat(t.amount().remainder(BigDecimal.valueOf(200))).isZero();
                assertThat(t.amount())
                    .isBetween(BigDecimal.valueOf(3_000), BigDecimal.valueOf(8_000));
              } else {
                assertThat(t.amount())
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(1_500))
                    .isGreaterThanOrEqualTo(user.typicalAmount().multiply(BigDecimal.valueOf(3)));
              }
            });
    assertThat(events).anyMatch(t -> t.channel() == Channel.ATM);
    // An account busts out once: all of a user's bust-out events are one run.
    for (List<Transaction> run : wholeRuns(events, Duration.ofDays(30))) {
      assertThat(run).hasSizeBetween(6, 12);
      assertThat(gap(run.get(0), run.get(run.size() - 1))).isLessThan(Duration.ofDays(4));
    }
  }

  @Test
  void shouldDisputeLargerOnlinePurchasesMadeFromTheCardholdersOwnDevice() {
    List<Transaction> events = labelled(FjordFraudPattern.FIRST_PARTY_MISUSE);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(user.deviceIds()).contains(t.deviceId());
              assertThat(t.city()).isEqualTo(user.homeCity().name());
              assertThat(user.isActiveHour(FjordWorldTest.hourOf(t))).isTrue();
              assertThat(t.merchantCategory())
                  .isIn("electronics", "fashion", "travel", "online_services");
              assertThat(t.amount())
                  .isGreaterThanOrEqualTo(user.typicalAmount().multiply(BigDecimal.valueOf(3)))
                  .isLessThanOrEqualTo(user.typicalAmount().multiply(BigDecimal.valueOf(8)));
            });
    // The same cardholder may misuse again some days later; one occurrence spans at most two days.
    List<List<Transaction>> runs = wholeRuns(events, Duration.ofDays(2));
    double oneOccurrence = runs.stream().filter(run -> run.size() <= 3).count();
    assertThat(oneOccurrence / runs.size()).isGreaterThan(0.95);
    assertThat(shareAtMerchantsNewToTheUser(events)).isBetween(0.4, 0.95);
  }

  private static List<Transaction> labelled(FjordFraudPattern pattern) {
    List<Transaction> events =
        STREAM.events().stream().filter(t -> pattern.wireName().equals(t.fraudPattern())).toList();
    assertThat(events).as("events of %s", pattern).hasSizeGreaterThan(50);
    return events;
  }

  /** Fraud events per user, pattern and device, in stream order. */
  private static Map<String, List<Transaction>> runs(List<Transaction> events) {
    return events.stream()
        .collect(
            Collectors.groupingBy(
                t -> t.userId() + "/" + t.fraudPattern() + "/" + t.deviceId(),
                LinkedHashMap::new,
                Collectors.toList()));
  }

  /**
   * One pattern's occurrences per user, split where two events are more than {@code split} apart,
   * and only those that start early enough to lie wholly within the sample.
   */
  private static List<List<Transaction>> wholeRuns(List<Transaction> events, Duration split) {
    Map<String, List<Transaction>> byUser =
        events.stream()
            .collect(
                Collectors.groupingBy(
                    Transaction::userId, LinkedHashMap::new, Collectors.toList()));
    List<List<Transaction>> runs = new ArrayList<>();
    for (List<Transaction> userEvents : byUser.values()) {
      List<Transaction> run = new ArrayList<>();
      for (Transaction t : userEvents) {
        if (!run.isEmpty() && gap(run.get(run.size() - 1), t).compareTo(split) > 0) {
          runs.add(run);
          run = new ArrayList<>();
        }
        run.add(t);
      }
      runs.add(run);
    }
    List<List<Transaction>> whole =
        runs.stream().filter(r -> r.get(0).timestamp().isBefore(LAST_WHOLE_RUN_START)).toList();
    assertThat(whole).isNotEmpty();
    return whole;
  }

  /** Events per device (one occurrence each: a fraudster's device is new every time). */
  private static Map<String, List<Transaction>> byDevice(List<Transaction> events) {
    return events.stream()
        .collect(
            Collectors.groupingBy(Transaction::deviceId, LinkedHashMap::new, Collectors.toList()));
  }

  private static double fromHome(Transaction t) {
    SyntheticUser user = STREAM.userOf(t);
    return Haversine.km(t.latitude(), t.longitude(), user.homeLatitude(), user.homeLongitude());
  }

  private static Instant lastEvent() {
    return STREAM.events().get(STREAM.events().size() - 1).timestamp();
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
