package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each pattern of the blind world, checked with features a detector could compute from the stream:
 * minutes apart within an occurrence, each with its own tell against the victim's own history; the
 * victim's own payments from the victim's phone at home in the victim's hours, the fraudsters' from
 * their own device and place.
 */
class SteppeFraudPatternsTest {

  private static final SimulatedStream STREAM = SteppeWorldTest.STEPPE;

  /** Runs that start in the sample's last seven days may be cut off by its end. */
  private static final PatternRuns RUNS = PatternRuns.of(STREAM, Duration.ofDays(7));

  /** For the kinds whose occurrences last weeks. */
  private static final PatternRuns LONG_RUNS = PatternRuns.of(STREAM, Duration.ofDays(20));

  private static final Set<String> RESELLERS =
      Set.of("Almaty", "Astana", "Shymkent", "Tashkent", "Bishkek", "Istanbul");
  private static final Set<String> PHISHERS = Set.of("Almaty", "Astana", "Shymkent", "Bishkek");
  private static final Set<String> CASH_OUTS =
      Set.of("Bishkek", "Tashkent", "Bangkok", "Jakarta", "Istanbul", "New York");

  @Test
  void shouldKeepMinutesBetweenTheEventsOfAnOccurrence() {
    List<Transaction> fraud = STREAM.events().stream().filter(Transaction::isFraud).toList();
    assertThat(fraud)
        .allSatisfy(t -> assertThat(t.amount()).isGreaterThanOrEqualTo(BigDecimal.valueOf(99)));
    PatternRuns.assertMinutesApart(PatternRuns.byUserPatternAndDevice(fraud));
  }

  @Test
  void shouldTakeATokenTrialFromThePhoneThenTheSamePriceEveryWeekWithoutADevice() {
    List<Transaction> events = LONG_RUNS.labelled(SteppeFraudPattern.SUBSCRIPTION_TRAP);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(t.city()).isEqualTo(STREAM.userOf(t).homeCity().name());
              assertThat(t.merchantCategory()).isIn("entertainment", "online_services");
            });
    List<List<Transaction>> runs =
        LONG_RUNS.wholeRuns(
            events.stream()
                .collect(Collectors.groupingBy(t -> t.userId() + "/" + t.merchant()))
                .values(),
            Duration.ofDays(9));
    for (List<Transaction> run : runs) {
      assertThat(run).hasSizeBetween(2, 4);
      Transaction trial = run.get(0);
      SyntheticUser user = STREAM.userOf(trial);
      assertThat(trial.deviceId()).isEqualTo(user.deviceIds().get(0));
      assertThat(trial.amount()).isBetween(BigDecimal.valueOf(99), BigDecimal.valueOf(299));
      assertThat(user.isActiveHour(SteppeWorldTest.hourOf(trial))).isTrue();
      List<Transaction> charges = run.subList(1, run.size());
      assertThat(charges.stream().map(Transaction::amount).distinct()).hasSize(1);
      for (int i = 0; i < charges.size(); i++) {
        Transaction charge = charges.get(i);
        assertThat(charge.deviceId()).isNull();
        assertThat(charge.amount().intValue() % 1_000).isEqualTo(990);
        assertThat(SteppeWorldTest.hourOf(charge)).isBetween(4, 6);
        Duration since = PatternRuns.gap(i == 0 ? trial : charges.get(i - 1), charge);
        assertThat(since).isBetween(Duration.ofDays(i == 0 ? 3 : 6), Duration.ofDays(8));
      }
    }
    assertThat(LONG_RUNS.shareAtMerchantsNewToTheUser(runs.stream().map(r -> r.get(0)).toList()))
        .isGreaterThan(0.8);
  }

  @Test
  void shouldBookTicketsOfOneTripAtNearlyOneFareFromANewDeviceInAResellersCity() {
    List<Transaction> events = RUNS.labelled(SteppeFraudPattern.AIRLINE_TICKET_RESALE);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(t.merchantCategory()).isEqualTo("travel");
              assertThat(STREAM.userOf(t).deviceIds()).doesNotContain(t.deviceId());
              assertThat(t.city()).isIn(RESELLERS);
              assertThat(t.amount())
                  .isBetween(BigDecimal.valueOf(42_000), BigDecimal.valueOf(478_000));
            });
    for (List<Transaction> run :
        RUNS.wholeRuns(PatternRuns.byUserPatternAndDevice(events), Duration.ofHours(2))) {
      assertThat(run).hasSizeBetween(1, 3);
      assertThat(run.stream().map(Transaction::city).distinct()).hasSize(1);
      double low = run.stream().mapToDouble(t -> t.amount().doubleValue()).min().orElseThrow();
      double high = run.stream().mapToDouble(t -> t.amount().doubleValue()).max().orElseThrow();
      assertThat(high / low).isLessThan(1.13);
      assertThat(PatternRuns.gap(run.get(0), run.get(run.size() - 1)))
          .isLessThan(Duration.ofHours(1));
    }
    assertThat(RUNS.shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.6);
  }

  @Test
  void shouldPayASmallFeeFromThePhoneThenBuyResellableThingsFromANewDeviceElsewhere() {
    List<Transaction> events = RUNS.labelled(SteppeFraudPattern.PARCEL_FEE_PHISHING);
    assertThat(events).allSatisfy(t -> assertThat(t.channel()).isEqualTo(Channel.ONLINE));
    List<Transaction> fees =
        events.stream()
            .filter(t -> t.deviceId().equals(STREAM.userOf(t).deviceIds().get(0)))
            .toList();
    assertThat(fees)
        .allSatisfy(
            fee -> {
              SyntheticUser user = STREAM.userOf(fee);
              assertThat(fee.city()).isEqualTo(user.homeCity().name());
              assertThat(fee.amount()).isBetween(BigDecimal.valueOf(290), BigDecimal.valueOf(990));
              assertThat(fee.merchantCategory()).isEqualTo("online_services");
              assertThat(user.isActiveHour(SteppeWorldTest.hourOf(fee))).isTrue();
            });
    List<Transaction> uses = events.stream().filter(t -> !fees.contains(t)).toList();
    assertThat(uses.size()).isBetween(fees.size(), 3 * fees.size());
    for (List<Transaction> run :
        RUNS.wholeRuns(PatternRuns.byUserPatternAndDevice(uses), Duration.ofHours(3))) {
      SyntheticUser user = STREAM.userOf(run.get(0));
      assertThat(run).hasSizeBetween(1, 3);
      assertThat(run.stream().map(Transaction::city).distinct()).hasSize(1);
      assertThat(
              fees.stream()
                  .filter(fee -> fee.userId().equals(run.get(0).userId()))
                  .map(fee -> PatternRuns.gap(fee, run.get(0)))
                  .anyMatch(
                      gap ->
                          gap.compareTo(Duration.ofHours(1)) >= 0
                              && gap.compareTo(Duration.ofHours(13)) <= 0))
          .as("the fee before %s", run.get(0).transactionId())
          .isTrue();
      assertThat(run)
          .allSatisfy(
              t -> {
                assertThat(user.deviceIds()).doesNotContain(t.deviceId());
                assertThat(t.city()).isIn(PHISHERS).isNotEqualTo(user.homeCity().name());
                assertThat(t.merchantCategory())
                    .isIn("gift_cards", "electronics", "online_services");
                assertThat(t.amount())
                    .isBetween(BigDecimal.valueOf(10_000), BigDecimal.valueOf(350_000));
              });
    }
    assertThat(RUNS.shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.8);
  }

  @Test
  void shouldDrawTheLargestSumsAtAtmsOfOneCityAbroadInOddTenge() {
    List<Transaction> events = RUNS.labelled(SteppeFraudPattern.SKIMMED_CARD_ATM_ABROAD);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.channel()).isEqualTo(Channel.ATM);
              assertThat(t.deviceId()).isNull();
              assertThat(t.country()).isNotEqualTo("KZ");
              assertThat(t.city()).isIn(CASH_OUTS);
              assertThat(t.amount())
                  .isBetween(BigDecimal.valueOf(38_000), BigDecimal.valueOf(315_000));
            });
    assertThat(WorldChecks.share(events, t -> t.amount().intValue() % 1_000 == 0)).isLessThan(0.05);
    for (List<Transaction> run : RUNS.wholeRuns(events, Duration.ofHours(3))) {
      assertThat(run).hasSizeBetween(2, 5);
      assertThat(run.stream().map(Transaction::city).distinct()).hasSize(1);
      Transaction first = run.get(0);
      int localHour = first.timestamp().atOffset(cityOffset(first.city())).getHour();
      assertThat(localHour).isBetween(9, 21);
    }
  }

  @Test
  void shouldPayGrowingRoundSumsFromThePhoneDaysApartAtNewMerchants() {
    List<Transaction> events = LONG_RUNS.labelled(SteppeFraudPattern.ROMANCE_SCAM_PAYMENTS);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(t.deviceId()).isEqualTo(user.deviceIds().get(0));
              assertThat(t.city()).isEqualTo(user.homeCity().name());
              assertThat(user.isActiveHour(SteppeWorldTest.hourOf(t))).isTrue();
              assertThat(t.amount().remainder(BigDecimal.valueOf(5_000))).isZero();
              assertThat(t.amount())
                  .isBetween(BigDecimal.valueOf(20_000), BigDecimal.valueOf(800_000));
              assertThat(t.merchantCategory())
                  .isIn("travel", "gift_cards", "electronics", "online_services");
            });
    // An occurrence's sums never fall: a fall starts the next occurrence against the same victim.
    List<List<Transaction>> occurrences = new ArrayList<>();
    for (List<Transaction> victim : PatternRuns.byUserAndPattern(events).values()) {
      List<Transaction> run = new ArrayList<>();
      for (Transaction t : victim) {
        if (!run.isEmpty() && t.amount().compareTo(run.get(run.size() - 1).amount()) < 0) {
          occurrences.add(run);
          run = new ArrayList<>();
        }
        run.add(t);
      }
      occurrences.add(run);
    }
    List<List<Transaction>> runs = LONG_RUNS.wholeRuns(occurrences, Duration.ofDays(6));
    assertThat(runs).allSatisfy(run -> assertThat(run).hasSizeGreaterThanOrEqualTo(3));
    assertThat(runs.stream().filter(run -> run.size() <= 5).count())
        .isGreaterThan(Math.round(0.95 * runs.size()));
    for (List<Transaction> run : runs) {
      for (int i = 1; i < run.size(); i++) {
        assertThat(run.get(i).amount()).isGreaterThanOrEqualTo(run.get(i - 1).amount());
        assertThat(PatternRuns.gap(run.get(i - 1), run.get(i)))
            .isGreaterThanOrEqualTo(Duration.ofHours(20));
      }
    }
    assertThat(LONG_RUNS.shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.8);
  }

  private static java.time.ZoneOffset cityOffset(String name) {
    return switch (name) {
      case "Bishkek" -> java.time.ZoneOffset.ofHours(6);
      case "Tashkent" -> java.time.ZoneOffset.ofHours(5);
      default -> CityCatalog.named(name).get(0).utcOffset();
    };
  }
}
