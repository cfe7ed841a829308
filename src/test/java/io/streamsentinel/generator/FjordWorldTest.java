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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The third, blind world as a whole: reproducible, really another world than both others, fraud at
 * the set rate with each of its kinds in proportion, labels for all of it.
 */
class FjordWorldTest {

  private static final double FRAUD_RATE = 0.02;
  private static final GeneratorSettings SETTINGS =
      GeneratorSettings.withSeed(2025)
          .withUsers(2_000)
          .withFraudRate(FRAUD_RATE)
          .withWorld(World.FJORD);
  static final SimulatedStream FJORD = SimulatedStream.take(SETTINGS, 200_000);
  private static final SimulatedStream HARBOR = HarborWorldTest.HARBOR;
  private static final SimulatedStream DEFAULT = HarborWorldTest.DEFAULT;

  @Test
  void shouldRepeatTheSameEventsForTheSameSeedAndWorld() {
    assertRepeatable(SETTINGS, FJORD);
  }

  @Test
  void shouldNeverShareUserOrTransactionIdsWithTheOtherWorldsOfTheSameSeed() {
    assertIdsApart(FJORD, "tx_fjord_7e9_0", DEFAULT, HARBOR);
  }

  @Test
  void shouldLiveInNorwegianCitiesAndPayInKronerWithinTheCodecsBound() {
    assertThat(FJORD.events())
        .allSatisfy(
            t -> {
              assertThat(t.currency()).isEqualTo("NOK");
              assertThat(t.country()).isEqualTo("NO");
              assertThat(t.amount().scale()).isEqualTo(2);
              assertThat(t.amount()).isPositive().isLessThan(BigDecimal.valueOf(1_000_000));
            });
    assertThat(FJORD.events().stream().map(Transaction::city).collect(Collectors.toSet()))
        .hasSize(FjordCities.all().size());
  }

  @Test
  void shouldSpendOnTheScaleOfKronerWithATailOfItsOwn() {
    double fjordMedian = quantile(normal(FJORD), 0.5);
    assertThat(fjordMedian / quantile(normal(DEFAULT), 0.5)).isBetween(5.0, 20.0);
    assertThat(fjordMedian / quantile(normal(HARBOR), 0.5)).isBetween(0.05, 0.3);
    double fjordTail = tail(FJORD);
    assertThat(fjordTail).isGreaterThan(1.2 * tail(DEFAULT)).isLessThan(0.6 * tail(HARBOR));
  }

  @Test
  void shouldPayInShopsOftenWithThePhoneAndHardlyEverWithCash() {
    Predicate<Transaction> inShop = t -> t.channel() == Channel.CARD_PRESENT;
    Predicate<Transaction> atm = t -> t.channel() == Channel.ATM;
    Predicate<Transaction> phoneInShop = inShop.and(t -> t.deviceId() != null);
    assertThat(share(normal(FJORD), inShop)).isGreaterThan(share(normal(DEFAULT), inShop) + 0.05);
    assertThat(share(normal(FJORD), atm))
        .isLessThan(0.5 * share(normal(DEFAULT), atm))
        .isLessThan(0.5 * share(normal(HARBOR), atm));
    assertThat(share(normal(FJORD), phoneInShop)).isGreaterThan(0.1);
    assertThat(share(normal(DEFAULT), phoneInShop)).isZero();
    assertThat(share(normal(HARBOR), phoneInShop)).isZero();
  }

  @Test
  void shouldStartTheDayEarlierThanBothOtherWorlds() {
    Predicate<Transaction> morning = t -> hourOf(t) >= 6 && hourOf(t) < 9;
    assertThat(share(normal(FJORD), morning))
        .isGreaterThan(1.2 * share(normal(DEFAULT), morning))
        .isGreaterThan(2 * share(normal(HARBOR), morning));
  }

  @Test
  void shouldLabelAboutTheConfiguredFractionOfEventsWithEachPatternInProportion() {
    assertLabelledInProportion(FJORD, FRAUD_RATE, FjordFraudPattern.values());
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
        Stream.concat(
                Arrays.stream(FraudPattern.values()).map(FraudPattern::wireName),
                Arrays.stream(HarborFraudPattern.values()).map(HarborFraudPattern::wireName))
            .collect(Collectors.toSet());
    assertThat(FJORD.events())
        .allSatisfy(t -> assertThat(t.fraudPattern() != null).isEqualTo(t.isFraud()))
        .noneMatch(t -> otherNames.contains(t.fraudPattern()));
    assertThat(SimulatedStream.take(SETTINGS.withFraudRate(0), 50_000).events())
        .noneMatch(Transaction::isFraud);
  }

  @Test
  void shouldSendAChargebackForEveryFjordFraud() {
    assertChargebackForEveryFraud(FJORD, SETTINGS.seed(), FjordFraudPattern.values());
  }

  /** Local hour of an event of any of the three worlds' streams above. */
  static int hourOf(Transaction t) {
    SyntheticUser user = FJORD.users().get(t.userId());
    if (user == null) {
      user = HARBOR.users().get(t.userId());
    }
    if (user == null) {
      user = DEFAULT.users().get(t.userId());
    }
    return t.timestamp().atOffset(user.utcOffset()).getHour();
  }

  private static double tail(SimulatedStream stream) {
    return quantile(normal(stream), 0.99) / quantile(normal(stream), 0.5);
  }
}
