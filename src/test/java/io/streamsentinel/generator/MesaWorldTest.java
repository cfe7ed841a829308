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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fourth, blind world as a whole: reproducible, really another world than the three others,
 * fraud at the set rate with each of its kinds in proportion, labels for all of it.
 */
class MesaWorldTest {

  private static final double FRAUD_RATE = 0.02;
  private static final GeneratorSettings SETTINGS =
      GeneratorSettings.withSeed(2025)
          .withUsers(2_000)
          .withFraudRate(FRAUD_RATE)
          .withWorld(World.MESA);
  static final SimulatedStream MESA = SimulatedStream.take(SETTINGS, 200_000);
  private static final SimulatedStream FJORD = FjordWorldTest.FJORD;
  private static final SimulatedStream HARBOR = HarborWorldTest.HARBOR;
  private static final SimulatedStream DEFAULT = HarborWorldTest.DEFAULT;

  @Test
  void shouldRepeatTheSameEventsForTheSameSeedAndWorld() {
    assertRepeatable(SETTINGS, MESA);
  }

  @Test
  void shouldNeverShareUserOrTransactionIdsWithTheOtherWorldsOfTheSameSeed() {
    assertIdsApart(MESA, "tx_mesa_7e9_0", DEFAULT, HARBOR, FJORD);
  }

  @Test
  void shouldLiveInCostaRicanCitiesAndPayInWholeColonesWithinTheCodecsBound() {
    assertThat(MESA.events())
        .allSatisfy(
            t -> {
              assertThat(t.currency()).isEqualTo("CRC");
              assertThat(MESA.userOf(t).country()).isEqualTo("CR");
              assertThat(t.amount().scale()).isEqualTo(2);
              assertThat(t.amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
              assertThat(t.amount()).isPositive().isLessThan(BigDecimal.valueOf(1_000_000));
              if (!t.country().equals("CR")) {
                // Only web shops abroad are elsewhere.
                assertThat(t.channel()).isEqualTo(Channel.ONLINE);
                assertThat(t.isFraud()).isFalse();
              }
            });
    assertThat(
            MESA.events().stream()
                .filter(t -> t.country().equals("CR"))
                .map(Transaction::city)
                .collect(Collectors.toSet()))
        .hasSize(MesaCities.all().size());
  }

  @Test
  void shouldSpendOnTheScaleOfColones() {
    double mesaMedian = quantile(normal(MESA), 0.5);
    assertThat(mesaMedian / quantile(normal(DEFAULT), 0.5)).isBetween(100.0, 1_000.0);
    assertThat(mesaMedian / quantile(normal(HARBOR), 0.5)).isBetween(2.0, 10.0);
    assertThat(mesaMedian / quantile(normal(FJORD), 0.5)).isBetween(10.0, 100.0);
  }

  @Test
  void shouldDrawMoreCashThanEveryOtherWorldAndMostOfItOnPaydays() {
    Predicate<Transaction> atm = t -> t.channel() == Channel.ATM;
    double mesaCash = share(normal(MESA), atm);
    for (SimulatedStream other : List.of(DEFAULT, HARBOR, FJORD)) {
      assertThat(mesaCash).isGreaterThan(1.3 * share(normal(other), atm));
    }
    List<Transaction> onPaydays = normal(MESA).stream().filter(MesaWorldTest::onPayday).toList();
    List<Transaction> otherDays = normal(MESA).stream().filter(t -> !onPayday(t)).toList();
    assertThat(share(onPaydays, atm)).isGreaterThan(1.5 * share(otherDays, atm));
  }

  @Test
  void shouldTravelWithinTheCountryAndShopAtWebShopsAbroadUnlikeTheOtherWorlds() {
    Predicate<Transaction> awayInTheCountry =
        t -> t.country().equals("CR") && !t.city().equals(MESA.userOf(t).homeCity().name());
    assertThat(share(normal(MESA), awayInTheCountry)).isBetween(0.02, 0.15);
    Set<String> coast = MesaCities.coast().stream().map(City::name).collect(Collectors.toSet());
    assertThat(normal(MESA).stream().filter(awayInTheCountry))
        .allSatisfy(t -> assertThat(t.city()).isIn(coast));
    assertThat(share(normal(MESA), t -> !t.country().equals("CR"))).isBetween(0.005, 0.1);
    for (SimulatedStream other : List.of(DEFAULT, HARBOR, FJORD)) {
      assertThat(normal(other))
          .allSatisfy(t -> assertThat(t.city()).isEqualTo(other.userOf(t).homeCity().name()));
    }
  }

  @Test
  void shouldStartBeforeDawnAndGoOnLaterThanTheNorwegianWorld() {
    Predicate<Transaction> dawn = t -> hourOf(t) == 5;
    Predicate<Transaction> late = t -> hourOf(t) >= 22;
    assertThat(share(normal(MESA), dawn)).isGreaterThan(2 * share(normal(FJORD), dawn));
    assertThat(share(normal(MESA), late)).isGreaterThan(1.2 * share(normal(FJORD), late));
  }

  @Test
  void shouldLabelAboutTheConfiguredFractionOfEventsWithEachPatternInProportion() {
    assertLabelledInProportion(MESA, FRAUD_RATE, MesaFraudPattern.values());
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
        Stream.of(FraudPattern.values(), HarborFraudPattern.values(), FjordFraudPattern.values())
            .flatMap(Arrays::stream)
            .map(FraudKind::wireName)
            .collect(Collectors.toSet());
    assertThat(MESA.events())
        .allSatisfy(t -> assertThat(t.fraudPattern() != null).isEqualTo(t.isFraud()))
        .noneMatch(t -> otherNames.contains(t.fraudPattern()));
    assertThat(SimulatedStream.take(SETTINGS.withFraudRate(0), 50_000).events())
        .noneMatch(Transaction::isFraud);
  }

  @Test
  void shouldSendAChargebackForEveryMesaFraud() {
    assertChargebackForEveryFraud(MESA, SETTINGS.seed(), MesaFraudPattern.values());
  }

  /** Local hour of an event of this world's or the fjord world's stream. */
  static int hourOf(Transaction t) {
    SyntheticUser user = MESA.users().get(t.userId());
    if (user == null) {
      return FjordWorldTest.hourOf(t);
    }
    return t.timestamp().atOffset(user.utcOffset()).getHour();
  }

  /** On the 15th or the month's last day, or the day after either, in the user's local time. */
  private static boolean onPayday(Transaction t) {
    LocalDate date = t.timestamp().atOffset(MESA.userOf(t).utcOffset()).toLocalDate();
    int day = date.getDayOfMonth();
    return day == 15 || day == 16 || day == 1 || day == date.lengthOfMonth();
  }
}
