package io.streamsentinel.generator;

import static io.streamsentinel.generator.WorldChecks.assertChargebackForEveryFraud;
import static io.streamsentinel.generator.WorldChecks.assertIdsApart;
import static io.streamsentinel.generator.WorldChecks.assertLabelledInProportion;
import static io.streamsentinel.generator.WorldChecks.assertRepeatable;
import static io.streamsentinel.generator.WorldChecks.normal;
import static io.streamsentinel.generator.WorldChecks.quantile;
import static io.streamsentinel.generator.WorldChecks.share;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fifth, blind world as a whole: reproducible, really another world than the four others, fraud
 * at the set rate with each of its kinds in proportion, labels for all of it.
 */
class SavannaWorldTest {

  private static final double FRAUD_RATE = 0.02;
  private static final GeneratorSettings SETTINGS =
      GeneratorSettings.withSeed(2025)
          .withUsers(2_000)
          .withFraudRate(FRAUD_RATE)
          .withWorld(World.SAVANNA);
  static final SimulatedStream SAVANNA = SimulatedStream.take(SETTINGS, 200_000);
  private static final SimulatedStream MESA = MesaWorldTest.MESA;
  private static final SimulatedStream FJORD = FjordWorldTest.FJORD;
  private static final SimulatedStream HARBOR = HarborWorldTest.HARBOR;
  private static final SimulatedStream DEFAULT = HarborWorldTest.DEFAULT;

  @Test
  void shouldRepeatTheSameEventsForTheSameSeedAndWorld() {
    assertRepeatable(SETTINGS, SAVANNA);
  }

  @Test
  void shouldNeverShareUserOrTransactionIdsWithTheOtherWorldsOfTheSameSeed() {
    assertIdsApart(SAVANNA, "tx_savanna_7e9_0", DEFAULT, HARBOR, FJORD, MESA);
  }

  @Test
  void shouldLiveInKenyanCitiesAndPayInWholeShillingsWithinTheCodecsBound() {
    assertThat(SAVANNA.events())
        .allSatisfy(
            t -> {
              assertThat(t.currency()).isEqualTo("KES");
              assertThat(SAVANNA.userOf(t).country()).isEqualTo("KE");
              assertThat(t.amount().scale()).isEqualTo(2);
              assertThat(t.amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
              assertThat(t.amount()).isPositive().isLessThan(BigDecimal.valueOf(1_000_000));
            });
    assertThat(
            SAVANNA.events().stream()
                .filter(t -> t.country().equals("KE"))
                .map(Transaction::city)
                .collect(Collectors.toSet()))
        .hasSize(SavannaCities.all().size());
  }

  @Test
  void shouldSpendOnTheScaleOfShillingsUnlikeEveryOtherWorld() {
    double median = quantile(normal(SAVANNA), 0.5);
    assertThat(median / quantile(normal(DEFAULT), 0.5)).isBetween(20.0, 100.0);
    assertThat(median / quantile(normal(FJORD), 0.5)).isBetween(2.0, 8.0);
    assertThat(median / quantile(normal(HARBOR), 0.5)).isBetween(0.3, 0.8);
    assertThat(median / quantile(normal(MESA), 0.5)).isBetween(0.05, 0.25);
  }

  @Test
  void shouldDrawCashAndDoTheBigShopWhenTheMonthsSalariesAndAllowancesArrive() {
    Predicate<Transaction> atm = t -> t.channel() == Channel.ATM;
    List<Transaction> onPaydays =
        normal(SAVANNA).stream().filter(SavannaWorldTest::onSalaryOrAllowanceDay).toList();
    List<Transaction> otherDays =
        normal(SAVANNA).stream().filter(t -> !onSalaryOrAllowanceDay(t)).toList();
    assertThat(share(onPaydays, atm)).isGreaterThan(1.15 * share(otherDays, atm));
    for (SimulatedStream other : List.of(DEFAULT, HARBOR, FJORD)) {
      assertThat(share(normal(SAVANNA), atm)).isGreaterThan(share(normal(other), atm));
    }
  }

  @Test
  void shouldSpendWeekendsUpcountryAlwaysInTheSameTown() {
    List<Transaction> away =
        normal(SAVANNA).stream()
            .filter(t -> t.country().equals("KE"))
            .filter(t -> !t.city().equals(SAVANNA.userOf(t).homeCity().name()))
            .toList();
    assertThat(away.size() / (double) normal(SAVANNA).size()).isBetween(0.005, 0.08);
    Set<DayOfWeek> weekend =
        EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    Set<String> upcountry =
        SavannaCities.upcountry().stream().map(City::name).collect(Collectors.toSet());
    assertThat(away)
        .allSatisfy(
            t -> {
              assertThat(localDate(t).getDayOfWeek()).isIn(weekend);
              assertThat(t.city()).isIn(upcountry);
            });
    assertThat(away.stream().collect(Collectors.groupingBy(Transaction::userId)).values())
        .allSatisfy(
            trips -> assertThat(trips.stream().map(Transaction::city).distinct()).hasSize(1));
  }

  @Test
  void shouldLetRelativesAbroadPaySomeOnlineOrdersFromTheirOwnPhoneAndCity() {
    List<Transaction> abroad =
        normal(SAVANNA).stream().filter(t -> !t.country().equals("KE")).toList();
    assertThat(abroad.size() / (double) normal(SAVANNA).size()).isBetween(0.002, 0.05);
    Set<String> diaspora =
        SavannaCities.diaspora().stream().map(City::name).collect(Collectors.toSet());
    assertThat(abroad)
        .allSatisfy(
            t -> {
              List<String> devices = SAVANNA.userOf(t).deviceIds();
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(t.city()).isIn(diaspora);
              assertThat(devices).hasSizeGreaterThan(1);
              assertThat(t.deviceId()).isEqualTo(devices.get(devices.size() - 1));
            });
    assertThat(abroad.stream().collect(Collectors.groupingBy(Transaction::userId)).values())
        .allSatisfy(
            orders -> assertThat(orders.stream().map(Transaction::city).distinct()).hasSize(1));
  }

  @Test
  void shouldStartBeforeDawnLikeNoWorldButMesa() {
    double dawn = share(normal(SAVANNA), t -> hourOf(t) == 5);
    for (SimulatedStream other : List.of(FJORD, HARBOR, DEFAULT)) {
      assertThat(dawn).isGreaterThan(1.5 * share(normal(other), t -> hourIn(other, t) == 5));
    }
  }

  @Test
  void shouldLabelAboutTheConfiguredFractionOfEventsWithEachPatternInProportion() {
    assertLabelledInProportion(SAVANNA, FRAUD_RATE, SavannaFraudPattern.values());
  }

  @Test
  void shouldFollowAnotherFraudRate() {
    double rate = 0.1;
    List<Transaction> events = SimulatedStream.take(SETTINGS.withFraudRate(rate), 200_000).events();
    double fraction = events.stream().filter(Transaction::isFraud).count() / 200_000.0;
    assertThat(fraction).isBetween(rate * 0.8, rate * 1.2);
  }

  @Test
  void shouldInjectNoneOfTheOtherWorldsPatterns() {
    Set<String> otherNames =
        Stream.of(
                FraudPattern.values(),
                HarborFraudPattern.values(),
                FjordFraudPattern.values(),
                MesaFraudPattern.values())
            .flatMap(Arrays::stream)
            .map(FraudKind::wireName)
            .collect(Collectors.toSet());
    assertThat(SAVANNA.events())
        .allSatisfy(t -> assertThat(t.fraudPattern() != null).isEqualTo(t.isFraud()))
        .noneMatch(t -> otherNames.contains(t.fraudPattern()));
    assertThat(SimulatedStream.take(SETTINGS.withFraudRate(0), 50_000).events())
        .noneMatch(Transaction::isFraud);
  }

  @Test
  void shouldSendAChargebackForEverySavannaFraud() {
    assertChargebackForEveryFraud(SAVANNA, SETTINGS.seed(), SavannaFraudPattern.values());
  }

  /** Local hour of an event of this world's stream. */
  static int hourOf(Transaction t) {
    return hourIn(SAVANNA, t);
  }

  private static int hourIn(SimulatedStream stream, Transaction t) {
    return t.timestamp().atOffset(stream.userOf(t).utcOffset()).getHour();
  }

  private static LocalDate localDate(Transaction t) {
    return t.timestamp().atOffset(SAVANNA.userOf(t).utcOffset()).toLocalDate();
  }

  /** On the 25th or the 1st, or the day after either: when salaries and allowances arrive. */
  private static boolean onSalaryOrAllowanceDay(Transaction t) {
    int day = localDate(t).getDayOfMonth();
    return day == 25 || day == 26 || day == 1 || day == 2;
  }
}
