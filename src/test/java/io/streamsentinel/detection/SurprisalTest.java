package io.streamsentinel.detection;

import static io.streamsentinel.detection.Moments.MONDAY_NOON;
import static io.streamsentinel.detection.Moments.TUESDAY_NOON;
import static io.streamsentinel.detection.Moments.hours;
import static io.streamsentinel.detection.Moments.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Features come rounded to six decimals, as decisions log them: hence {@code within(5e-7)}. */
class SurprisalTest {

  private static final Feature[] SURPRISALS = {
    Feature.AMOUNT_SURPRISAL,
    Feature.MERCHANT_SURPRISAL,
    Feature.DEVICE_SURPRISAL,
    Feature.HOME_DISTANCE_SURPRISAL,
    Feature.PACE_SURPRISAL,
    Feature.DAILY_SPEND_SURPRISAL,
    Feature.NEW_MERCHANTS_24H_SURPRISAL,
    Feature.NEW_DEVICES_24H_SURPRISAL
  };

  /** Twenty noon purchases of 20.00-40.00 at one merchant on one device, one a day. */
  private static List<Transaction> fixedHabits() {
    List<Transaction> history = new ArrayList<>();
    for (int day = 20; day >= 1; day--) {
      history.add(
          Tx.at(TUESDAY_NOON.minus(Duration.ofDays(day)), day % 2 == 0 ? "20.00" : "40.00")
              .build());
    }
    return history;
  }

  /** The same, but at a different merchant and from a different device every day. */
  private static List<Transaction> restlessHabits() {
    List<Transaction> history = new ArrayList<>();
    for (int day = 20; day >= 1; day--) {
      history.add(
          Tx.at(TUESDAY_NOON.minus(Duration.ofDays(day)), day % 2 == 0 ? "20.00" : "40.00")
              .merchant("shop" + day)
              .deviceId("device" + day)
              .build());
    }
    return history;
  }

  private static FeatureVector features(List<Transaction> history, Transaction tx) {
    return FeatureExtractor.extract(tx, Tx.profileAfter(history), AccountStatus.ACTIVE);
  }

  @Test
  void shouldFindNothingSurprisingWithoutHistory() {
    FeatureVector f =
        features(List.of(), Tx.at(TUESDAY_NOON, "5000.00").merchant("new").deviceId("x").build());

    for (Feature s : SURPRISALS) {
      assertThat(f.get(s)).as(s.wireName()).isZero();
    }
  }

  @Test
  void shouldFindNothingSurprisingInAnOrdinaryPurchase() {
    FeatureVector f = features(fixedHabits(), Tx.at(TUESDAY_NOON, "25.00").build());

    for (Feature s : SURPRISALS) {
      assertThat(f.get(s)).as(s.wireName()).isZero();
    }
  }

  @Test
  void shouldWeighANewMerchantByHowSeldomTheUserTriesOne() {
    Transaction atANewShop = Tx.at(TUESDAY_NOON, "30.00").merchant("jeweller").build();

    double fixed = features(fixedHabits(), atANewShop).get(Feature.MERCHANT_SURPRISAL);
    double restless = features(restlessHabits(), atANewShop).get(Feature.MERCHANT_SURPRISAL);

    // No new merchant in 20: rate (0 + 1/2) / 21; nineteen in 20 (the first is never new).
    assertThat(fixed).isCloseTo(Math.log(42), within(5e-7));
    assertThat(restless).isCloseTo(-Math.log(19.5 / 21), within(5e-7));
  }

  @Test
  void shouldWeighANewDeviceByHowSeldomTheUserTakesOneUp() {
    Transaction fromANewDevice = Tx.at(TUESDAY_NOON, "30.00").deviceId("stranger").build();

    assertThat(features(fixedHabits(), fromANewDevice).get(Feature.DEVICE_SURPRISAL))
        .isCloseTo(Math.log(42), within(5e-7));
    assertThat(features(restlessHabits(), fromANewDevice).get(Feature.DEVICE_SURPRISAL))
        .isLessThan(0.1);
  }

  @Test
  void shouldScoreAnAmountOnlyAboveTheTypicalOne() {
    FeatureVector large = features(fixedHabits(), Tx.at(TUESDAY_NOON, "300.00").build());
    FeatureVector small = features(fixedHabits(), Tx.at(TUESDAY_NOON, "3.00").build());

    double z = large.get(Feature.AMOUNT_LOG_ZSCORE);
    // Both come rounded to six decimals, as decisions log them: z's rounding moves z^2 / 2 by up to
    // z x 5e-7.
    assertThat(large.get(Feature.AMOUNT_SURPRISAL)).isCloseTo(0.5 * z * z, within(z * 5e-7 + 5e-7));
    assertThat(small.get(Feature.AMOUNT_SURPRISAL)).isZero();
  }

  @Test
  void shouldScoreABurstAgainstTheUsersOwnPace() {
    List<Transaction> history = fixedHabits();
    history.add(Tx.at(TUESDAY_NOON).build());
    history.add(Tx.at(TUESDAY_NOON.plus(minutes(10))).build());

    FeatureVector third = features(history, Tx.at(TUESDAY_NOON.plus(minutes(20))).build());

    // 22 transactions over 20 days and 20 minutes: 0.0458 an hour; two others within the hour.
    double pace = 22 / (20 * 24 + 1 / 3.0);
    double expected = pace - 2 * Math.log(pace) + Math.log(2);
    assertThat(third.get(Feature.PACE_SURPRISAL)).isCloseTo(expected, within(5e-7));
  }

  @Test
  void shouldScoreNewMerchantsOverADayAgainstTheUsersOwnRate() {
    List<Transaction> history = fixedHabits();
    history.add(Tx.at(TUESDAY_NOON, "30.00").merchant("n1").build());
    history.add(Tx.at(TUESDAY_NOON.plus(hours(2)), "30.00").merchant("n2").build());
    Transaction third = Tx.at(TUESDAY_NOON.plus(hours(4)), "30.00").merchant("n3").build();

    double fixed = features(history, third).get(Feature.NEW_MERCHANTS_24H_SURPRISAL);
    List<Transaction> restless = restlessHabits();
    restless.addAll(history.subList(20, 22));
    double usual = features(restless, third).get(Feature.NEW_MERCHANTS_24H_SURPRISAL);

    assertThat(fixed).isGreaterThan(5);
    assertThat(usual).isLessThan(2).isLessThan(fixed / 3); // about this user's rate
  }

  @Test
  void shouldScoreDistanceFromHomeAgainstTheUsualDistanceOnALogScale() {
    FeatureVector paris =
        features(
            fixedHabits(),
            Tx.at(TUESDAY_NOON).latitude(Tx.PARIS_LAT).longitude(Tx.PARIS_LON).build());

    double ratio = paris.get(Feature.HOME_DISTANCE_RATIO);
    assertThat(ratio).isGreaterThan(800);
    assertThat(paris.get(Feature.HOME_DISTANCE_SURPRISAL))
        .isCloseTo(2 * Math.log(ratio), within(5e-6)); // both rounded: ratio's by 5e-7 / 800
  }

  @Test
  void shouldScoreALateTransactionWithoutNegativeOrEndlessValues() {
    List<Transaction> history = fixedHabits();
    Transaction late =
        Tx.at(MONDAY_NOON.minus(Duration.ofDays(40)), "500.00")
            .merchant("far back")
            .deviceId("old")
            .build();

    FeatureVector f = features(history, late);

    for (Feature s : SURPRISALS) {
      assertThat(f.get(s)).as(s.wireName()).isFinite().isGreaterThanOrEqualTo(0);
    }
    assertThat(f.get(Feature.MERCHANT_SURPRISAL)).isPositive();
  }

  @Test
  void shouldMeasureTheSurprisalOfTheCountSeen() {
    assertThat(Surprisal.poissonSurprisal(0, 0.5)).isZero(); // no events: nothing to explain
    assertThat(Surprisal.poissonSurprisal(2, 0)).isZero(); // no rate known
    assertThat(Surprisal.poissonSurprisal(1, 1)).isCloseTo(1, within(1e-12)); // e^-1
    assertThat(Surprisal.poissonSurprisal(3, 0.1))
        .isCloseTo(0.1 - 3 * Math.log(0.1) + Math.log(6), within(1e-12));
    assertThat(Surprisal.poissonSurprisal(4, 0.1))
        .isGreaterThan(Surprisal.poissonSurprisal(3, 0.1));
    assertThat(Surprisal.poissonSurprisal(10_000, 0.1)).isFinite(); // beyond the table: capped
  }
}
