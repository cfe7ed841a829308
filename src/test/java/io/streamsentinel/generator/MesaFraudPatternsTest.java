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
 * in the victim's country, never in the default patterns' small hours (05:00 only for an early
 * riser) nor in bursts within a minute, each with its own tell against the victim's own history.
 */
class MesaFraudPatternsTest {

  private static final SimulatedStream STREAM = MesaWorldTest.MESA;

  /** Runs that start after this may be cut off by the end of the sample; their length is open. */
  private static final Instant LAST_WHOLE_RUN_START = lastEvent().minus(Duration.ofDays(10));

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
    for (List<Transaction> run : runsByUserAndPattern(fraud).values()) {
      for (int i = 1; i < run.size(); i++) {
        assertThat(gap(run.get(i - 1), run.get(i)))
            .as("gap within %s", run.get(i).fraudPattern())
            .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
      }
    }
  }

  @Test
  void shouldFillTanksAtStationsAlongAHighwayInOneDay() {
    List<Transaction> events = labelled(MesaFraudPattern.CLONED_CARD_FUEL_RUN);
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
    List<List<Transaction>> runs = wholeRuns(events, Duration.ofHours(4));
    assertThat(runs).allSatisfy(run -> assertThat(run).hasSizeBetween(3, 7));
    double moving = runs.stream().filter(r -> cities(r) > 1).count();
    assertThat(moving / runs.size()).isGreaterThan(0.6);
  }

  @Test
  void shouldDepositEverLargerSumsAtOneNewPlatformFromTheVictimsPhone() {
    List<Transaction> events = labelled(MesaFraudPattern.INVESTMENT_SCAM_DEPOSITS);
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
    for (List<Transaction> run : wholeRuns(byPlatform.values(), Duration.ofDays(5))) {
      assertThat(run).hasSizeBetween(3, 6);
      assertThat(run.get(run.size() - 1).amount()).isGreaterThan(run.get(0).amount());
      assertThat(gap(run.get(0), run.get(run.size() - 1))).isLessThan(Duration.ofDays(16));
    }
    assertThat(shareAtMerchantsNewToTheUser(firstOfEachRun(events, Duration.ofDays(5))))
        .isGreaterThan(0.8);
  }

  @Test
  void shouldBookRidesMealsAndStaysFromTheResellersDevicesInAValleyCity() {
    List<Transaction> events = labelled(MesaFraudPattern.DISCOUNTED_SERVICES_RESALE);
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
    for (List<Transaction> run : wholeRuns(events, Duration.ofDays(2))) {
      assertThat(run.stream().map(Transaction::deviceId).distinct().count()).isBetween(1L, 2L);
      assertThat(run.stream().map(Transaction::city).distinct()).hasSize(1);
    }
  }

  @Test
  void shouldSplitSalesUnderAReviewLimitAtOneNewShopWithinMinutes() {
    List<Transaction> events = labelled(MesaFraudPattern.COLLUSIVE_MERCHANT_SPLIT_SALE);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.channel()).isEqualTo(Channel.CARD_PRESENT);
              assertThat(t.deviceId()).isNull();
              assertThat(t.amount())
                  .isBetween(BigDecimal.valueOf(36_000), BigDecimal.valueOf(149_250));
              assertThat(MesaWorldTest.hourOf(t)).isBetween(10, 21);
            });
    for (List<Transaction> run : wholeRuns(events, Duration.ofHours(1))) {
      assertThat(run).hasSizeBetween(2, 6);
      assertThat(run.stream().map(Transaction::merchant).distinct()).hasSize(1);
      assertThat(gap(run.get(0), run.get(run.size() - 1))).isLessThan(Duration.ofHours(3));
    }
    assertThat(shareAtMerchantsNewToTheUser(firstOfEachRun(events, Duration.ofHours(1))))
        .isGreaterThan(0.8);
  }

  @Test
  void shouldWithdrawLargeSumsAcrossTownBeforeAndJustAfterMidnight() {
    List<Transaction> events = labelled(MesaFraudPattern.EXPRESS_KIDNAPPING);
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
    for (List<Transaction> run : wholeRuns(events, Duration.ofHours(5))) {
      assertThat(run).hasSizeBetween(2, 5);
      assertThat(MesaWorldTest.hourOf(run.get(0))).isBetween(20, 22);
      assertThat(MesaWorldTest.hourOf(run.get(run.size() - 1))).isZero();
    }
  }

  private static List<Transaction> labelled(MesaFraudPattern pattern) {
    List<Transaction> events =
        STREAM.events().stream().filter(t -> pattern.wireName().equals(t.fraudPattern())).toList();
    assertThat(events).as("events of %s", pattern).hasSizeGreaterThan(50);
    return events;
  }

  private static Map<String, List<Transaction>> runsByUserAndPattern(List<Transaction> events) {
    return events.stream()
        .collect(
            Collectors.groupingBy(
                t -> t.userId() + "/" + t.fraudPattern(), LinkedHashMap::new, Collectors.toList()));
  }

  /**
   * One pattern's occurrences per user, split where two events are more than {@code split} apart,
   * and only those that start early enough to lie wholly within the sample.
   */
  private static List<List<Transaction>> wholeRuns(List<Transaction> events, Duration split) {
    return wholeRuns(runsByUserAndPattern(events).values(), split);
  }

  /** As above, for events already grouped (per user or finer), each group in stream order. */
  private static List<List<Transaction>> wholeRuns(
      Iterable<List<Transaction>> groups, Duration split) {
    List<List<Transaction>> runs = new ArrayList<>();
    for (List<Transaction> userEvents : groups) {
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

  private static List<Transaction> firstOfEachRun(List<Transaction> events, Duration split) {
    return wholeRuns(events, split).stream().map(run -> run.get(0)).toList();
  }

  private static long cities(List<Transaction> run) {
    return run.stream().map(Transaction::city).distinct().count();
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
