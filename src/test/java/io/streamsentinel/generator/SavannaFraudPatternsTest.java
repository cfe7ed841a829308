package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each pattern of the blind world, checked with features a detector could compute from the stream:
 * minutes apart within an occurrence, each with its own tell against the victim's own history; the
 * card swap and the double swipe right after a genuine payment of the victim's, the others in the
 * day and evening.
 */
class SavannaFraudPatternsTest {

  private static final SimulatedStream STREAM = SavannaWorldTest.SAVANNA;

  /** Runs that start in the sample's last seven days may be cut off by its end. */
  private static final PatternRuns RUNS = PatternRuns.of(STREAM, Duration.ofDays(7));

  private static final Set<String> FRAUD_ABROAD =
      Set.of("London", "Dubai", "Lagos", "Johannesburg", "Istanbul", "Warsaw");

  @Test
  void shouldKeepMinutesBetweenTheEventsOfAnOccurrenceAndStayAtHomeButFromAbroad() {
    List<Transaction> fraud = STREAM.events().stream().filter(Transaction::isFraud).toList();
    assertThat(fraud)
        .allSatisfy(
            t -> {
              assertThat(t.country().equals("KE"))
                  .isEqualTo(
                      !t.fraudPattern()
                          .equals(SavannaFraudPattern.CROSS_BORDER_REMOTE_PURCHASE.wireName()));
              assertThat(t.amount()).isGreaterThanOrEqualTo(BigDecimal.valueOf(30));
            });
    PatternRuns.assertMinutesApart(PatternRuns.byUserPatternAndDevice(fraud));
  }

  @Test
  void shouldSwapTheCardAtAnAtmThenDrawCashAndBuyGoodsNearbyWithinHours() {
    List<Transaction> events = RUNS.labelled(SavannaFraudPattern.ATM_CARD_SWAP);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.deviceId()).isNull();
              if (t.channel() == Channel.ATM) {
                assertThat(t.amount().remainder(BigDecimal.valueOf(1_000))).isZero();
                assertThat(t.amount())
                    .isBetween(BigDecimal.valueOf(10_000), BigDecimal.valueOf(40_000));
              } else {
                assertThat(t.channel()).isEqualTo(Channel.CARD_PRESENT);
                assertThat(t.merchantCategory()).isIn("electronics", "jewelry", "grocery");
                assertThat(t.amount())
                    .isBetween(BigDecimal.valueOf(5_000), BigDecimal.valueOf(150_000));
              }
            });
    for (List<Transaction> run : RUNS.wholeRuns(events, Duration.ofHours(1))) {
      assertThat(run).hasSizeBetween(2, 5);
      assertThat(run.get(0).channel()).isEqualTo(Channel.ATM);
      Transaction taken =
          genuineJustBefore(
              run.get(0), t -> t.channel() == Channel.ATM && degreesApart(t, run.get(0)) < 0.02);
      assertThat(run)
          .allSatisfy(
              t -> {
                assertThat(t.city()).isEqualTo(taken.city());
                assertThat(degreesApart(t, taken)).isLessThan(0.05);
              });
      assertThat(PatternRuns.gap(taken, run.get(run.size() - 1))).isLessThan(Duration.ofHours(3));
    }
  }

  @Test
  void shouldChargeAgainAtTheCounterOfAGenuinePaymentMinutesLaterForAnOrdinarySum() {
    List<Transaction> events = RUNS.labelled(SavannaFraudPattern.STAFF_DOUBLE_SWIPE);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.channel()).isEqualTo(Channel.CARD_PRESENT);
              assertThat(t.deviceId()).isNull();
              assertThat(t.merchantCategory()).isIn("restaurants", "fuel");
            });
    for (List<Transaction> run : RUNS.wholeRuns(events, Duration.ofHours(1))) {
      assertThat(run).hasSizeBetween(1, 2);
      Transaction genuine =
          genuineJustBefore(
              run.get(0),
              t ->
                  t.merchant().equals(run.get(0).merchant())
                      && degreesApart(t, run.get(0)) < 0.002);
      double paid = genuine.amount().doubleValue();
      assertThat(run)
          .allSatisfy(
              t -> {
                assertThat(t.merchant()).isEqualTo(genuine.merchant());
                assertThat(t.city()).isEqualTo(genuine.city());
                assertThat(degreesApart(t, genuine)).isLessThan(0.002);
                assertThat(t.amount().doubleValue()).isBetween(0.6 * paid - 1, 1.6 * paid + 1);
              });
    }
  }

  @Test
  void shouldOrderAtNewWebShopsFromOneNewDeviceInACityAbroad() {
    List<Transaction> events = RUNS.labelled(SavannaFraudPattern.CROSS_BORDER_REMOTE_PURCHASE);
    assertThat(events)
        .allSatisfy(
            t -> {
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(STREAM.userOf(t).deviceIds()).doesNotContain(t.deviceId());
              assertThat(t.city()).isIn(FRAUD_ABROAD);
              assertThat(SavannaWorldTest.hourOf(t)).isBetween(7, 22);
              assertThat(t.amount())
                  .isBetween(BigDecimal.valueOf(2_500), BigDecimal.valueOf(150_000));
            });
    for (List<Transaction> run :
        RUNS.wholeRuns(PatternRuns.byUserPatternAndDevice(events), Duration.ofHours(12))) {
      assertThat(run).hasSizeBetween(1, 5);
      assertThat(run.stream().map(Transaction::city).distinct()).hasSize(1);
    }
    assertThat(RUNS.shareAtMerchantsNewToTheUser(events)).isGreaterThan(0.8);
  }

  @Test
  void shouldTopUpAndOrderSmallThingsFromAnotherPhoneAtHomeInTheEvenings() {
    List<Transaction> events = RUNS.labelled(SavannaFraudPattern.KNOWN_PERSON_CARD_MISUSE);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(user.deviceIds()).doesNotContain(t.deviceId());
              assertThat(t.city()).isEqualTo(user.homeCity().name());
              assertThat(SavannaWorldTest.hourOf(t)).isBetween(17, 22);
              assertThat(t.merchantCategory())
                  .isIn("gift_cards", "entertainment", "online_services");
              assertThat(t.amount()).isBetween(BigDecimal.valueOf(250), BigDecimal.valueOf(6_000));
            });
    for (List<Transaction> run :
        RUNS.wholeRuns(PatternRuns.byUserPatternAndDevice(events), Duration.ofDays(3))) {
      assertThat(run).hasSizeBetween(1, 6);
    }
  }

  @Test
  void shouldPayAFakeSellerFromTheOwnPhoneThenRoundFeesDaysLater() {
    List<Transaction> events = RUNS.labelled(SavannaFraudPattern.ONLINE_PURCHASE_SCAM);
    assertThat(events)
        .allSatisfy(
            t -> {
              SyntheticUser user = STREAM.userOf(t);
              assertThat(t.channel()).isEqualTo(Channel.ONLINE);
              assertThat(t.deviceId()).isEqualTo(user.deviceIds().get(0));
              assertThat(t.city()).isEqualTo(user.homeCity().name());
              assertThat(user.isActiveHour(SavannaWorldTest.hourOf(t))).isTrue();
            });
    List<List<Transaction>> runs =
        RUNS.wholeRuns(
            events.stream()
                .collect(Collectors.groupingBy(t -> t.userId() + "/" + t.merchant()))
                .values(),
            Duration.ofDays(4));
    for (List<Transaction> run : runs) {
      assertThat(run).hasSizeBetween(1, 3);
      assertThat(run.get(0).amount().remainder(BigDecimal.valueOf(100))).isZero();
      assertThat(run.get(0).amount())
          .isBetween(BigDecimal.valueOf(5_000), BigDecimal.valueOf(90_000));
      for (Transaction fee : run.subList(1, run.size())) {
        assertThat(fee.amount().remainder(BigDecimal.valueOf(500))).isZero();
        assertThat(fee.amount()).isBetween(BigDecimal.valueOf(1_000), BigDecimal.valueOf(6_000));
        assertThat(PatternRuns.gap(run.get(0), fee)).isGreaterThanOrEqualTo(Duration.ofDays(1));
      }
    }
    assertThat(RUNS.shareAtMerchantsNewToTheUser(runs.stream().map(r -> r.get(0)).toList()))
        .isGreaterThan(0.8);
  }

  /**
   * The victim's genuine event at most 25 minutes before {@code labelled} that passes {@code
   * wanted}, the latest if several do; fails if none does.
   */
  private static Transaction genuineJustBefore(
      Transaction labelled, Predicate<Transaction> wanted) {
    Transaction genuine = null;
    for (Transaction t : STREAM.eventsOf(labelled.userId())) {
      if (t.equals(labelled)) {
        break;
      }
      if (!t.isFraud()
          && PatternRuns.gap(t, labelled).compareTo(Duration.ofMinutes(25)) <= 0
          && wanted.test(t)) {
        genuine = t;
      }
    }
    assertThat(genuine).as("the genuine payment before %s", labelled.transactionId()).isNotNull();
    return genuine;
  }

  private static double degreesApart(Transaction a, Transaction b) {
    return Math.max(Math.abs(a.latitude() - b.latitude()), Math.abs(a.longitude() - b.longitude()));
  }
}
