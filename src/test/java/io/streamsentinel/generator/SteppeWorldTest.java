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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sixth, blind world as a whole: reproducible, really another world than the five others, fraud
 * at the set rate with each of its kinds in proportion, labels for all of it.
 */
class SteppeWorldTest {

  private static final double FRAUD_RATE = 0.02;
  private static final GeneratorSettings SETTINGS =
      GeneratorSettings.withSeed(2025)
          .withUsers(2_000)
          .withFraudRate(FRAUD_RATE)
          .withWorld(World.STEPPE);
  static final SimulatedStream STEPPE = SimulatedStream.take(SETTINGS, 200_000);
  private static final SimulatedStream SAVANNA = SavannaWorldTest.SAVANNA;
  private static final SimulatedStream MESA = MesaWorldTest.MESA;
  private static final SimulatedStream FJORD = FjordWorldTest.FJORD;
  private static final SimulatedStream HARBOR = HarborWorldTest.HARBOR;
  private static final SimulatedStream DEFAULT = HarborWorldTest.DEFAULT;

  private static final Set<String> HOMES = names(SteppeCities.all());
  private static final Set<String> FIELD_TOWNS = names(SteppeCities.fieldTowns());
  private static final Set<String> GETAWAYS = names(SteppeCities.getaways());

  @Test
  void shouldRepeatTheSameEventsForTheSameSeedAndWorld() {
    assertRepeatable(SETTINGS, STEPPE);
  }

  @Test
  void shouldNeverShareUserOrTransactionIdsWithTheOtherWorldsOfTheSameSeed() {
    assertIdsApart(STEPPE, "tx_steppe_7e9_0", DEFAULT, HARBOR, FJORD, MESA, SAVANNA);
  }

  @Test
  void shouldLiveInKazakhCitiesAndPayInWholeTengeWithinTheCodecsBound() {
    assertThat(STEPPE.events())
        .allSatisfy(
            t -> {
              assertThat(t.currency()).isEqualTo("KZT");
              assertThat(STEPPE.userOf(t).country()).isEqualTo("KZ");
              assertThat(HOMES).contains(STEPPE.userOf(t).homeCity().name());
              assertThat(t.amount().scale()).isEqualTo(2);
              assertThat(t.amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
              assertThat(t.amount()).isPositive().isLessThan(BigDecimal.valueOf(1_000_000));
            });
    assertThat(normal(STEPPE))
        .allSatisfy(
            t -> {
              assertThat(t.country()).isEqualTo("KZ");
              assertThat(t.city()).isIn(union(HOMES, FIELD_TOWNS, GETAWAYS));
            });
    assertThat(STEPPE.users().values().stream().map(u -> u.homeCity().name()).distinct())
        .hasSize(HOMES.size());
    assertThat(
            normal(STEPPE).stream()
                .map(Transaction::city)
                .filter(HOMES::contains)
                .collect(Collectors.toSet()))
        .hasSize(HOMES.size());
  }

  @Test
  void shouldSpendOnTheScaleOfTengeUnlikeEveryOtherWorld() {
    double median = quantile(normal(STEPPE), 0.5);
    assertThat(median).isBetween(3_000.0, 10_000.0);
    assertThat(median / quantile(normal(DEFAULT), 0.5)).isBetween(80.0, 300.0);
    assertThat(median / quantile(normal(FJORD), 0.5)).isBetween(6.0, 25.0);
    assertThat(median / quantile(normal(HARBOR), 0.5)).isBetween(1.1, 3.0);
    assertThat(median / quantile(normal(MESA), 0.5)).isBetween(0.2, 0.7);
    assertThat(median / quantile(normal(SAVANNA), 0.5)).isBetween(1.8, 5.0);
  }

  @Test
  void shouldDrawCashAndDoTheBigShopWhenPayPensionsAndAdvancesArrive() {
    Predicate<Transaction> atm = t -> t.channel() == Channel.ATM;
    List<Transaction> onPaydays =
        normal(STEPPE).stream().filter(SteppeWorldTest::onAPayday).toList();
    List<Transaction> otherDays = normal(STEPPE).stream().filter(t -> !onAPayday(t)).toList();
    assertThat(share(onPaydays, atm)).isGreaterThan(1.15 * share(otherDays, atm));
    assertThat(quantile(onPaydays.stream().filter(atm).toList(), 0.5))
        .isGreaterThan(quantile(otherDays.stream().filter(atm).toList(), 0.5));
  }

  @Test
  void shouldSpendTwoWeeksInFourAtOneFieldTownPayingLittleAndOnlyForFood() {
    List<Transaction> atField =
        normal(STEPPE).stream().filter(t -> FIELD_TOWNS.contains(t.city())).toList();
    assertThat(atField.size() / (double) normal(STEPPE).size()).isBetween(0.03, 0.2);
    assertThat(atField)
        .allSatisfy(t -> assertThat(t.merchantCategory()).isIn("grocery", "restaurants"));
    assertThat(quantile(atField, 0.5)).isLessThan(quantile(normal(STEPPE), 0.5));
    for (String worker : atField.stream().map(Transaction::userId).collect(Collectors.toSet())) {
      List<Transaction> own = STEPPE.eventsOf(worker).stream().filter(t -> !t.isFraud()).toList();
      assertThat(own.stream().filter(t -> FIELD_TOWNS.contains(t.city())).map(Transaction::city))
          .as("field town of %s", worker)
          .containsOnly(
              own.stream()
                  .filter(t -> FIELD_TOWNS.contains(t.city()))
                  .findFirst()
                  .orElseThrow()
                  .city());
      assertThat(
              IntStream.range(0, 28)
                  .anyMatch(
                      phase ->
                          own.stream()
                              .allMatch(
                                  t ->
                                      FIELD_TOWNS.contains(t.city())
                                          == Math.floorMod(localDate(t).toEpochDay() + phase, 28)
                                              < 14)))
          .as("two weeks on, two weeks off for %s", worker)
          .isTrue();
    }
  }

  @Test
  void shouldSpendSomeWeekendsAtTheLakesNearestHome() {
    List<Transaction> away =
        normal(STEPPE).stream().filter(t -> GETAWAYS.contains(t.city())).toList();
    assertThat(away.size() / (double) normal(STEPPE).size()).isBetween(0.005, 0.06);
    Set<DayOfWeek> weekend =
        EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    assertThat(away)
        .allSatisfy(
            t -> {
              assertThat(localDate(t).getDayOfWeek()).isIn(weekend);
              assertThat(t.city())
                  .isEqualTo(SteppeCities.nearestGetaway(STEPPE.userOf(t).homeCity()).name());
            });
  }

  @Test
  void shouldPayManyTillsWithThePhoneItsOwnFirstDevice() {
    List<Transaction> atTills =
        normal(STEPPE).stream().filter(t -> t.channel() == Channel.CARD_PRESENT).toList();
    assertThat(share(atTills, t -> t.deviceId() != null)).isBetween(0.2, 0.6);
    assertThat(atTills.stream().filter(t -> t.deviceId() != null))
        .allSatisfy(t -> assertThat(t.deviceId()).isEqualTo(STEPPE.userOf(t).deviceIds().get(0)));
    assertThat(normal(STEPPE).stream().filter(t -> t.channel() == Channel.ONLINE))
        .allSatisfy(t -> assertThat(STEPPE.userOf(t).deviceIds()).contains(t.deviceId()));
    assertThat(normal(STEPPE).stream().filter(t -> t.channel() == Channel.ATM))
        .allSatisfy(t -> assertThat(t.deviceId()).isNull());
  }

  @Test
  void shouldDoTheWeeksBigShopOnTheWeekend() {
    List<Transaction> grocery =
        normal(STEPPE).stream()
            .filter(t -> t.merchantCategory().equals("grocery"))
            .filter(t -> !onAPayday(t))
            .filter(t -> HOMES.contains(t.city()))
            .toList();
    Predicate<Transaction> weekend =
        t -> localDate(t).getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
    assertThat(quantile(grocery.stream().filter(weekend).toList(), 0.75))
        .isGreaterThan(1.1 * quantile(grocery.stream().filter(weekend.negate()).toList(), 0.75));
  }

  @Test
  void shouldLabelAboutTheConfiguredFractionOfEventsWithEachPatternInProportion() {
    assertLabelledInProportion(STEPPE, FRAUD_RATE, SteppeFraudPattern.values());
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
                MesaFraudPattern.values(),
                SavannaFraudPattern.values())
            .flatMap(Arrays::stream)
            .map(FraudKind::wireName)
            .collect(Collectors.toSet());
    assertThat(STEPPE.events())
        .allSatisfy(t -> assertThat(t.fraudPattern() != null).isEqualTo(t.isFraud()))
        .noneMatch(t -> otherNames.contains(t.fraudPattern()));
    assertThat(SimulatedStream.take(SETTINGS.withFraudRate(0), 50_000).events())
        .noneMatch(Transaction::isFraud);
  }

  @Test
  void shouldSendAChargebackForEverySteppeFraud() {
    assertChargebackForEveryFraud(STEPPE, SETTINGS.seed(), SteppeFraudPattern.values());
  }

  /** Local hour of an event of this world's stream, in the victim's (the user's) time. */
  static int hourOf(Transaction t) {
    return t.timestamp().atOffset(STEPPE.userOf(t).utcOffset()).getHour();
  }

  private static LocalDate localDate(Transaction t) {
    return t.timestamp().atOffset(STEPPE.userOf(t).utcOffset()).toLocalDate();
  }

  /** The 3rd, 5th, 10th or 20th, or the day after one: when some segment's money arrives. */
  private static boolean onAPayday(Transaction t) {
    int day = localDate(t).getDayOfMonth();
    return Set.of(3, 4, 5, 6, 10, 11, 20, 21).contains(day);
  }

  private static Set<String> names(List<City> cities) {
    return cities.stream().map(City::name).collect(Collectors.toSet());
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    return Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toSet());
  }
}
