package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TransactionSimulatorTest {

  private static final GeneratorSettings SETTINGS =
      GeneratorSettings.withSeed(0x5eed).withUsers(2_000).withFraudRate(0.02);
  private static final SimulatedStream STREAM = SimulatedStream.take(SETTINGS, 100_000);

  @Test
  void shouldRepeatTheSameEventsForTheSameSettings() {
    List<Transaction> again = SimulatedStream.take(SETTINGS, 20_000).events();
    assertThat(again).isEqualTo(STREAM.events().subList(0, 20_000));
  }

  @Test
  void shouldProduceDifferentEventsForADifferentSeed() {
    List<Transaction> reseeded =
        SimulatedStream.take(new GeneratorSettings(1, 2_000, 0.02, SETTINGS.start()), 1_000)
            .events();
    long samePurchase =
        IntStream.range(0, reseeded.size())
            .filter(i -> samePurchase(reseeded.get(i), STREAM.events().get(i)))
            .count();
    assertThat(samePurchase).isLessThan(10);
  }

  @Test
  void shouldNumberTransactionIdsUniquelyBySeedAndSequence() {
    Set<String> ids = new HashSet<>();
    STREAM.events().forEach(t -> ids.add(t.transactionId()));
    assertThat(ids).hasSize(STREAM.events().size());
    assertThat(STREAM.events().get(0).transactionId()).isEqualTo("tx_5eed_0");
    assertThat(STREAM.events().get(99_999).transactionId()).isEqualTo("tx_5eed_99999");
  }

  @Test
  void shouldNeverMoveTimeBackwardsAndStartAfterTheConfiguredStart() {
    Instant previous = SETTINGS.start();
    for (Transaction transaction : STREAM.events()) {
      assertThat(transaction.timestamp()).isAfterOrEqualTo(previous);
      previous = transaction.timestamp();
    }
  }

  @Test
  void shouldUsePositiveTwoDecimalAmountsBelowOneMillion() {
    BigDecimal million = BigDecimal.valueOf(1_000_000);
    assertThat(STREAM.events())
        .allSatisfy(
            t -> {
              assertThat(t.amount().scale()).isEqualTo(2);
              assertThat(t.amount()).isPositive().isLessThan(million);
            });
  }

  @Test
  void shouldLabelEveryFraudEventWithItsPatternAndNoNormalEvent() {
    assertThat(STREAM.events())
        .allSatisfy(t -> assertThat(t.fraudPattern() != null).isEqualTo(t.isFraud()));
    List<Transaction> clean = SimulatedStream.take(SETTINGS.withFraudRate(0), 50_000).events();
    assertThat(clean).noneMatch(Transaction::isFraud);
  }

  @Test
  void shouldGiveNormalEventsTheUsersHomeCardAndDevices() {
    assertThat(STREAM.events().stream().filter(t -> !t.isFraud()))
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.cardLast4()).isEqualTo(user.cardLast4());
              assertThat(t.country()).isEqualTo(user.country());
              assertThat(t.currency()).isEqualTo(user.currency());
              assertThat(Haversine.km(t.latitude(), t.longitude(), user.homeCity())).isLessThan(20);
              if (t.channel() == Channel.ONLINE) {
                assertThat(user.deviceIds()).contains(t.deviceId());
              } else {
                assertThat(t.deviceId()).isNull();
              }
            });
  }

  @Test
  void shouldBuyMostlyFromFavouriteMerchants() {
    List<Transaction> normal = STREAM.events().stream().filter(t -> !t.isFraud()).toList();
    long atFavourites =
        normal.stream()
            .filter(
                t ->
                    STREAM.userOf(t).favouriteMerchants().stream()
                        .anyMatch(m -> m.name().equals(t.merchant())))
            .count();
    assertThat((double) atFavourites / normal.size()).isBetween(0.85, 0.95);
  }

  @Test
  void shouldMatchEachUsersDailyRateOnAverage() {
    List<Transaction> events = STREAM.events();
    Duration span = Duration.between(SETTINGS.start(), events.get(events.size() - 1).timestamp());
    double days = span.toSeconds() / 86_400.0;
    double expected = STREAM.users().values().stream().mapToDouble(u -> u.dailyRate()).sum() * days;
    long normal = events.stream().filter(t -> !t.isFraud()).count();
    assertThat(days).isGreaterThan(7);
    assertThat(normal / expected).isBetween(0.95, 1.05);
  }

  @Test
  void shouldPlaceMostNormalEventsInTheUsersActiveHours() {
    List<Transaction> normal = STREAM.events().stream().filter(t -> !t.isFraud()).toList();
    long active =
        normal.stream()
            .filter(t -> STREAM.userOf(t).isActiveHour(localHour(t, STREAM.userOf(t))))
            .count();
    assertThat((double) active / normal.size()).isBetween(0.85, 0.97);
  }

  @Test
  void shouldKeepEverydayEventsUnchangedWhenOnlyTheFraudRateChanges() {
    List<Transaction> none = normalWithoutIds(SETTINGS.withFraudRate(0));
    List<Transaction> some = normalWithoutIds(SETTINGS.withFraudRate(0.2));
    assertThat(some).isEqualTo(none.subList(0, some.size()));
  }

  private static List<Transaction> normalWithoutIds(GeneratorSettings settings) {
    return SimulatedStream.take(settings, 10_000).events().stream()
        .filter(t -> !t.isFraud())
        .map(t -> t.toBuilder().transactionId("x").build())
        .toList();
  }

  private static boolean samePurchase(Transaction a, Transaction b) {
    return a.userId().equals(b.userId())
        && a.amount().equals(b.amount())
        && a.merchant().equals(b.merchant());
  }

  static int localHour(Transaction transaction, SyntheticUser user) {
    return transaction.timestamp().atOffset(user.utcOffset()).getHour();
  }
}
