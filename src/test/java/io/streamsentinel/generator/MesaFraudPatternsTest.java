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
 * in the victim's country, never in the default patterns' small hours (05:00 only for an early
 * riser) nor in bursts within a minute, each with its own tell against the victim's own history.
 */
class MesaFraudPatternsTest {

  private static final SimulatedStream STREAM = MesaWorldTest.MESA;

  /** Runs that start in the sample's last ten days may be cut off by its end. */
  private static final PatternRuns RUNS = PatternRuns.of(STREAM, Duration.ofDays(10));

  @Test
  void shouldStayInTheCountryOutOfTheSmallHoursAndMinutesApart() {
    List<Transaction> fraud = STREAM.events().stream().filter(Transaction::isFraud).toList();
    assertThat(fraud)
        .allSatisfy(
            t -> {
              int hour = MesaWorldTest.hourOf(t);
              assertThat(hour >= 1 && hour < 5).as("in the small hours: %d", hour).isFalse();
              if (hour == 5) {
                assertThat(STREAM.userOf(t).isActiveHour(hour)).as("an early riser").isTrue();
              }
              assertThat(t.country()).isEqualTo("CR");
              assertThat(t.amount()).isGreaterThanOrEqualTo(BigDecimal.valueOf(1_000));
            });
    PatternRuns.assertMinutesApart(PatternRuns.byUserAndPattern(fraud).values());
  }

  @Test
  void shouldFillTanksAtStationsAlongAHighwayInOneDay() {
    List<Transaction> events = RUNS.labelled(MesaFraudPattern.CLONED_CARD_FUEL_RUN);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.channel()).isEqualTo(Channel.CARD_PRESENT);
              assertThat(t.deviceId()).isNull();
              assertThat(t.merchantCategory()).isEqualTo("fuel");
              assertThat(t.amount())
                  .isBetween(BigDecimal.valueOf(30_000), BigDecimal.valueOf(120_000));
              assertThat(MesaWorldTest.hourOf(t)).isBetween(6, 21);
            });
    List<List<Transaction>> runs = RUNS.wholeRuns(events, Duration.ofHours(4));
    assertThat(runs).allSatisfy(run -> assertThat(run).hasSizeBetween(3, 7));
    double moving = runs.stream().filter(r -> cities(r) > 1).count();
    assertThat(moving / runs.size()).isGreaterThan(0.6);
  }

  @Test
  void shouldDepositEverLargerSumsAtOneNewPlatformFromTheVictimsPhone() {
    List<Transaction> events = RUNS.labelled(MesaFraudPattern.INVESTMENT_SCAM_DEPOSITS);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(t.deviceId()).isEqualTo(user.deviceIds().get(0));
              assertThat(t.merchantCategory()).isEqualTo("online_services");
              assertThat(t.amount().remainder(BigDecimal.valueOf(5_000))).isZero();
              assertThat(user.isActiveHour(MesaWorldTest.hourOf(t))).isTrue();
              assertThat(t.city()).isEqualTo(user.homeCity().name());
            });
    // One platform per scam: a victim scammed twice is most likely scammed at another platform.
    Map<String, List<Transaction>> byPlatform =
        events.stream()
            .collect(
                Collectors.groupingBy(
                    t -> t.userId() + "/" + t.merchant(), LinkedHashMap::new, Collectors.toList()));
    for (List<Transaction> run : RUNS.wholeRuns(byPlatform.values(), Duration.ofDays(5))) {
      assertThat(run).hasSizeBetween(3, 6);
      assertThat(run.get(run.size() - 1).amount()).isGreaterThan(run.get(0).amount());
      assertThat(PatternRuns.gap(run.get(0), run.get(run.size() - 1)))
          .isLessThan(Duration.ofDays(16));
    }
    assertThat(RUNS.shareAtMerchantsNewToTheUser(RUNS.firstOfEachRun(events, Duration.ofDays(5))))
        .isGreaterThan(0.8);
  }

  @Test
  void shouldBookRidesMealsAndStaysFromTheResellersDevicesInAValleyCity() {
    List<Transaction> events = RUNS.labelled(MesaFraudPattern.DISCOUNTED_SERVICES_RESALE);
    Set<String> valley =
        MesaCities.all().subList(0, 5).stream().map(City::name).collect(Collectors.toSet());
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(user.deviceIds()).doesNotContain(t.deviceId());
              assertThat(t.merchant()).isIn("Uber", "Deliveroo", "Airbnb", "Booking.com");
              assertThat(t.city()).isIn(valley);
              assertThat(MesaWorldTest.hourOf(t)).isBetween(7, 23);
            });
    for (List<Transaction> run : RUNS.wholeRuns(events, Duration.ofDays(2))) {
      assertThat(run.stream().map(Transaction::deviceId).distinct().count()).isBetween(1L, 2L);
      assertThat(run.stream().map(Transaction::city).distinct()).hasSize(1);
    }
  }

  @Test
  void shouldSplitSalesUnderAReviewLimitAtOneNewShopWithinMinutes() {
    List<Transaction> events = RUNS.labelled(MesaFraudPattern.COLLUSIVE_MERCHANT_SPLIT_SALE);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.channel()).isEqualTo(Channel.CARD_PRESENT);
              assertThat(t.deviceId()).isNull();
              assertThat(t.amount())
                  .isBetween(BigDecimal.valueOf(36_000), BigDecimal.valueOf(149_250));
              assertThat(MesaWorldTest.hourOf(t)).isBetween(10, 21);
            });
    for (List<Transaction> run : RUNS.wholeRuns(events, Duration.ofHours(1))) {
      assertThat(run).hasSizeBetween(2, 6);
      assertThat(run.stream().map(Transaction::merchant).distinct()).hasSize(1);
      assertThat(PatternRuns.gap(run.get(0), run.get(run.size() - 1)))
          .isLessThan(Duration.ofHours(3));
    }
    assertThat(RUNS.shareAtMerchantsNewToTheUser(RUNS.firstOfEachRun(events, Duration.ofHours(1))))
        .isGreaterThan(0.8);
  }

  @Test
  void shouldWithdrawLargeSumsAcrossTownBeforeAndJustAfterMidnight() {
    List<Transaction> events = RUNS.labelled(MesaFraudPattern.EXPRESS_KIDNAPPING);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.channel()).isEqualTo(Channel.ATM);
              assertThat(t.city()).isEqualTo(user.homeCity().name());
              assertThat(t.amount().remainder(BigDecimal.valueOf(10_000))).isZero();
              assertThat(t.amount())
                  .isBetween(BigDecimal.valueOf(50_000), BigDecimal.valueOf(200_000));
              assertThat(MesaWorldTest.hourOf(t)).isIn(0, 20, 21, 22, 23);
            });
    for (List<Transaction> run : RUNS.wholeRuns(events, Duration.ofHours(5))) {
      assertThat(run).hasSizeBetween(2, 5);
      assertThat(MesaWorldTest.hourOf(run.get(0))).isBetween(20, 22);
      assertThat(MesaWorldTest.hourOf(run.get(run.size() - 1))).isZero();
    }
  }

  private static long cities(List<Transaction> run) {
    return run.stream().map(Transaction::city).distinct().count();
  }
}
