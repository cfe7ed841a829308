package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
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

  /** Runs that start in the sample's last three days may be cut off by its end. */
  private static final PatternRuns RUNS = PatternRuns.of(STREAM, Duration.ofDays(3));

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
    PatternRuns.assertMinutesApart(PatternRuns.byUserPatternAndDevice(fraud));
  }

  @Test
  void shouldTapAStolenCardUnderTheContactlessLimitAtNewShopsAcrossTown() {
    List<Transaction> events = RUNS.labelled(FjordFraudPattern.CONTACTLESS_STOLEN_CARD);
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
    assertThat(RUNS.wholeRuns(events, Duration.ofHours(8)))
        .allSatisfy(run -> assertThat(run).hasSizeBetween(3, 8));
    assertThat(RUNS.shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.9);
  }

  @Test
  void shouldPayInShopsOfALargeCityWithAPhoneTheVictimNeverUsed() {
    List<Transaction> events = RUNS.labelled(FjordFraudPattern.WALLET_PROVISIONING);
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
        assertThat(PatternRuns.gap(run.get(i - 1), run.get(i)))
            .isGreaterThanOrEqualTo(Duration.ofMinutes(20));
      }
    }
    assertThat(RUNS.shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.9);
  }

  @Test
  void shouldBuyGiftCardsInRoundAmountsFromTheVictimsOwnDeviceAtTheirHours() {
    List<Transaction> events = RUNS.labelled(FjordFraudPattern.ELDER_GIFT_CARD_SCAM);
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
    for (List<Transaction> run : RUNS.wholeRuns(events, Duration.ofHours(3))) {
      assertThat(run).hasSizeBetween(2, 5);
      assertThat(PatternRuns.gap(run.get(0), run.get(run.size() - 1)))
          .isLessThan(Duration.ofHours(2));
      BigDecimal total =
          run.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(total).isGreaterThan(STREAM.userOf(run.get(0)).typicalAmount());
    }
  }

  @Test
  void shouldBustOutOnceWithManyLargePurchasesAndCashOverAFewDaysAtHome() {
    List<Transaction> events = RUNS.labelled(FjordFraudPattern.SYNTHETIC_BUST_OUT);
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
    for (List<Transaction> run : RUNS.wholeRuns(events, Duration.ofDays(30))) {
      assertThat(run).hasSizeBetween(6, 12);
      assertThat(PatternRuns.gap(run.get(0), run.get(run.size() - 1)))
          .isLessThan(Duration.ofDays(4));
    }
  }

  @Test
  void shouldDisputeLargerOnlinePurchasesMadeFromTheCardholdersOwnDevice() {
    List<Transaction> events = RUNS.labelled(FjordFraudPattern.FIRST_PARTY_MISUSE);
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
    List<List<Transaction>> runs = RUNS.wholeRuns(events, Duration.ofDays(2));
    double oneOccurrence = runs.stream().filter(run -> run.size() <= 3).count();
    assertThat(oneOccurrence / runs.size()).isGreaterThan(0.95);
    assertThat(RUNS.shareAtMerchantsNewToTheUser(events)).isBetween(0.4, 0.95);
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
}
