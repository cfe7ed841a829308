package io.streamsentinel.generator;

import static io.streamsentinel.generator.WorldChecks.assertChargebackForEveryFraud;
import static io.streamsentinel.generator.WorldChecks.assertLabelledInProportion;
import static io.streamsentinel.generator.WorldChecks.normal;
import static io.streamsentinel.generator.WorldChecks.quantile;
import static io.streamsentinel.generator.WorldChecks.share;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The held-out world as a whole: reproducible, really another world, fraud at the set rate. */
class HarborWorldTest {

  private static final double FRAUD_RATE = 0.02;
  private static final GeneratorSettings SETTINGS =
      GeneratorSettings.withSeed(2025)
          .withUsers(2_000)
          .withFraudRate(FRAUD_RATE)
          .withWorld(World.HARBOR);
  static final SimulatedStream HARBOR = SimulatedStream.take(SETTINGS, 200_000);
  static final SimulatedStream DEFAULT =
      SimulatedStream.take(SETTINGS.withWorld(World.DEFAULT), 200_000);

  @Test
  void shouldRepeatTheSameEventsForTheSameSeedAndWorld() {
    assertThat(SimulatedStream.take(SETTINGS, 20_000).events())
        .isEqualTo(HARBOR.events().subList(0, 20_000));
  }

  @Test
  void shouldNeverShareUserOrTransactionIdsWithTheDefaultWorldOfTheSameSeed() {
    assertThat(HARBOR.users().keySet()).doesNotContainAnyElementsOf(DEFAULT.users().keySet());
    assertThat(HARBOR.events().get(0).transactionId()).isEqualTo("tx_harbor_7e9_0");
    assertThat(DEFAULT.events().get(0).transactionId()).isEqualTo("tx_7e9_0");
  }

  @Test
  void shouldLiveInJapaneseCitiesAndPayInWholeYen() {
    assertThat(HARBOR.events())
        .allSatisfy(
            t -> {
              assertThat(t.currency()).isEqualTo("JPY");
              assertThat(t.country()).isEqualTo("JP");
              assertThat(t.amount().scale()).isEqualTo(2);
              assertThat(t.amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
              assertThat(t.amount()).isPositive().isLessThan(BigDecimal.valueOf(1_000_000));
            });
    assertThat(HARBOR.events().stream().map(Transaction::city).collect(Collectors.toSet()))
        .hasSize(HarborCities.all().size());
  }

  @Test
  void shouldSpendOnTheScaleOfYenWithAHeavierTail() {
    double harborMedian = quantile(normal(HARBOR), 0.5);
    double defaultMedian = quantile(normal(DEFAULT), 0.5);
    assertThat(harborMedian / defaultMedian).isBetween(50.0, 150.0);
    double harborTail = quantile(normal(HARBOR), 0.99) / harborMedian;
    double defaultTail = quantile(normal(DEFAULT), 0.99) / defaultMedian;
    assertThat(harborTail).isGreaterThan(2 * defaultTail);
  }

  @Test
  void shouldPayInPersonMoreOftenAndLaterInTheEvening() {
    assertThat(share(normal(HARBOR), t -> t.channel() == Channel.CARD_PRESENT))
        .isGreaterThan(share(normal(DEFAULT), t -> t.channel() == Channel.CARD_PRESENT) + 0.05);
    Predicate<Transaction> evening = t -> localHour(t) >= 21;
    Predicate<Transaction> morning = t -> localHour(t) >= 6 && localHour(t) < 9;
    assertThat(share(normal(HARBOR), evening)).isGreaterThan(1.5 * share(normal(DEFAULT), evening));
    assertThat(share(normal(HARBOR), morning)).isLessThan(share(normal(DEFAULT), morning));
  }

  @Test
  void shouldLabelAboutTheConfiguredFractionOfEventsWithEachPatternInProportion() {
    assertLabelledInProportion(HARBOR, FRAUD_RATE, HarborFraudPattern.values());
  }

  @Test
  void shouldInjectNoneOfTheDefaultWorldsPatterns() {
    Set<String> defaultNames =
        Arrays.stream(FraudPattern.values())
            .map(FraudPattern::wireName)
            .collect(Collectors.toSet());
    assertThat(HARBOR.events())
        .allSatisfy(t -> assertThat(t.fraudPattern() != null).isEqualTo(t.isFraud()))
        .noneMatch(t -> defaultNames.contains(t.fraudPattern()));
    assertThat(SimulatedStream.take(SETTINGS.withFraudRate(0), 50_000).events())
        .noneMatch(Transaction::isFraud);
  }

  @Test
  void shouldSendAChargebackForEveryHarborFraud() {
    assertChargebackForEveryFraud(HARBOR, SETTINGS.seed(), HarborFraudPattern.values());
  }

  static int localHour(Transaction t) {
    return t.timestamp().atOffset(userOf(t).utcOffset()).getHour();
  }

  private static SyntheticUser userOf(Transaction t) {
    SyntheticUser user = HARBOR.users().get(t.userId());
    return user != null ? user : DEFAULT.users().get(t.userId());
  }
}
