package io.streamsentinel.detection;

import static io.streamsentinel.detection.Moments.MONDAY_NOON;
import static io.streamsentinel.detection.Moments.TUESDAY_3AM;
import static io.streamsentinel.detection.Moments.TUESDAY_NOON;
import static io.streamsentinel.detection.Moments.after;
import static io.streamsentinel.detection.Moments.hours;
import static io.streamsentinel.detection.Moments.minutes;
import static io.streamsentinel.detection.Moments.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Features come rounded to six decimals, as decisions log them: hence {@code within(5e-7)}. */
class FeatureExtractorTest {

  /** Ten transactions of 20.00 to 40.00 at noon on consecutive days ending Monday. */
  private static List<Transaction> tenNoonDays() {
    List<Transaction> history = new ArrayList<>();
    for (int day = 10; day >= 1; day--) {
      String amount = day % 2 == 0 ? "20.00" : "40.00";
      history.add(Tx.at(MONDAY_NOON.minus(java.time.Duration.ofDays(day)), amount).build());
    }
    return history;
  }

  private static FeatureVector features(List<Transaction> history, Transaction tx) {
    return FeatureExtractor.extract(tx, Tx.profileAfter(history), AccountStatus.ACTIVE);
  }

  @Test
  void shouldLeaveEveryHistoryFeatureAtZeroForAFirstTransaction() {
    FeatureVector f = features(List.of(), Tx.at(MONDAY_NOON, "999.00").merchant("new").build());

    assertThat(f.get(Feature.AMOUNT)).isEqualTo(999.0);
    for (Feature feature :
        List.of(
            Feature.AMOUNT_ZSCORE,
            Feature.AMOUNT_TO_MEAN_RATIO,
            Feature.AMOUNT_TO_MAX_RATIO,
            Feature.NEW_MERCHANT,
            Feature.NEW_CATEGORY,
            Feature.NEW_COUNTRY,
            Feature.NEW_DEVICE,
            Feature.NEW_MERCHANT_COUNT_1H,
            Feature.NEW_DEVICE_COUNT_1H,
            Feature.SECONDS_SINCE_LAST,
            Feature.DISTANCE_KM,
            Feature.TRAVEL_SPEED_KMH,
            Feature.DAILY_SPEND_RATIO,
            Feature.HISTORY_COUNT)) {
      assertThat(f.get(feature)).as(feature.wireName()).isZero();
    }
    assertThat(f.get(Feature.TX_COUNT_1M)).isEqualTo(1);
    assertThat(f.get(Feature.TX_SUM_24H)).isEqualTo(999.0);
  }

  @Test
  void shouldGiveTheUserRelativeFeaturesNeutralValuesWithoutHistory() {
    FeatureVector f = features(List.of(), Tx.at(MONDAY_NOON, "999.00").merchant("new").build());

    assertThat(f.get(Feature.AMOUNT_LOG_ZSCORE)).isZero();
    assertThat(f.get(Feature.HOME_DISTANCE_KM)).isZero();
    assertThat(f.get(Feature.HOME_DISTANCE_RATIO)).isZero();
    assertThat(f.get(Feature.CHANNEL_SHARE)).isEqualTo(FeatureVector.logged(1.0 / 3));
  }

  @Test
  void shouldMeasureTheAmountHomeAndChannelAgainstTheUsersHabits() {
    // Ten card-present payments of 20.00 and 40.00 at one merchant, at home, with one device.
    Transaction tx =
        Tx.at(TUESDAY_NOON, "400.00")
            .channel(Channel.ATM)
            .latitude(Tx.BERLIN_LAT + 1.0)
            .longitude(Tx.BERLIN_LON)
            .build();

    FeatureVector f = features(tenNoonDays(), tx);

    // ln 20 and ln 40 alternate: mean ln(28.28), M2 = 10 (ln 2 / 2)^2; prior 4 x 0.75^2.
    double spread = Math.sqrt((10 * Math.pow(Math.log(2) / 2, 2) + 4 * 0.5625) / (9 + 4));
    assertThat(f.get(Feature.AMOUNT_LOG_ZSCORE))
        .isCloseTo(Math.log(400 / Math.sqrt(800)) / spread, within(5e-7));
    assertThat(f.get(Feature.HOME_DISTANCE_KM)).isCloseTo(111.2, within(0.5));
    // Always at the same spot: the usual distance is floored at 1 km.
    assertThat(f.get(Feature.HOME_DISTANCE_RATIO)).isCloseTo(111.2, within(0.5));
    assertThat(f.get(Feature.CHANNEL_SHARE)).isEqualTo(FeatureVector.logged(1.0 / 13));
  }

  @Test
  void shouldCompareTheAmountWithTheUsersMeanSpreadAndMax() {
    // mean 30, sample sd sqrt(10 * 100 / 9) = 10.54, max 40
    FeatureVector f = features(tenNoonDays(), Tx.at(MONDAY_NOON, "120.00").build());

    assertThat(f.get(Feature.AMOUNT_TO_MEAN_RATIO)).isCloseTo(4.0, within(5e-7));
    assertThat(f.get(Feature.AMOUNT_TO_MAX_RATIO)).isCloseTo(3.0, within(5e-7));
    assertThat(f.get(Feature.AMOUNT_ZSCORE)).isCloseTo(90 / Math.sqrt(1000.0 / 9), within(5e-7));
    assertThat(f.get(Feature.HISTORY_COUNT)).isEqualTo(10);
  }

  @Test
  void shouldFloorTheSpreadSoIdenticalPastAmountsDoNotMakeEveryChangeAnOutlier() {
    List<Transaction> same =
        List.of(
            Tx.at(MONDAY_NOON, "100.00").build(),
            Tx.at(after(MONDAY_NOON, hours(1)), "100.00").build());

    FeatureVector f = features(same, Tx.at(after(MONDAY_NOON, hours(2)), "101.00").build());

    // sd 0 is floored at 10 % of the mean (10.00): one unit above is 0.1 sd, not infinity
    assertThat(f.get(Feature.AMOUNT_ZSCORE)).isCloseTo(0.1, within(5e-7));
  }

  @Test
  void shouldCountAndSumEachWindowIncludingThisTransaction() {
    List<Transaction> history =
        List.of(
            Tx.at(TUESDAY_NOON.minus(hours(23)), "1.00").build(),
            Tx.at(TUESDAY_NOON.minus(minutes(30)), "2.00").build(),
            Tx.at(TUESDAY_NOON.minus(minutes(5)), "4.00").build(),
            Tx.at(TUESDAY_NOON.minus(seconds(10)), "8.00").build());

    FeatureVector f = features(history, Tx.at(TUESDAY_NOON, "16.00").build());

    assertThat(f.get(Feature.TX_COUNT_1M)).isEqualTo(2);
    assertThat(f.get(Feature.TX_COUNT_10M)).isEqualTo(3);
    assertThat(f.get(Feature.TX_COUNT_1H)).isEqualTo(4);
    assertThat(f.get(Feature.TX_COUNT_24H)).isEqualTo(5);
    assertThat(f.get(Feature.TX_SUM_1M)).isEqualTo(24.0);
    assertThat(f.get(Feature.TX_SUM_10M)).isEqualTo(28.0);
    assertThat(f.get(Feature.TX_SUM_1H)).isEqualTo(30.0);
    assertThat(f.get(Feature.TX_SUM_24H)).isEqualTo(31.0);
  }

  @Test
  void shouldCountSmallAmountsInTheLastTenMinutes() {
    List<Transaction> history =
        List.of(
            Tx.at(TUESDAY_NOON.minus(minutes(11)), "1.00").build(),
            Tx.at(TUESDAY_NOON.minus(minutes(9)), "4.99").build(),
            Tx.at(TUESDAY_NOON.minus(minutes(8)), "5.00").build());

    FeatureVector f = features(history, Tx.at(TUESDAY_NOON, "0.50").build());

    assertThat(f.get(Feature.SMALL_AMOUNT_COUNT_10M)).isEqualTo(2);
  }

  @Test
  void shouldCountNewMerchantsAndNewDevicesInTheLastHour() {
    List<Transaction> history =
        List.of(
            Tx.at(TUESDAY_NOON.minus(hours(2))).build(),
            Tx.at(TUESDAY_NOON.minus(minutes(70))).merchant("m1").build(),
            Tx.at(TUESDAY_NOON.minus(minutes(20))).merchant("m2").deviceId("pc").build(),
            Tx.at(TUESDAY_NOON.minus(minutes(10))).merchant("m3").deviceId("pc").build());

    FeatureVector f = features(history, Tx.at(TUESDAY_NOON).merchant("m4").deviceId("pc").build());

    assertThat(f.get(Feature.NEW_MERCHANT_COUNT_1H)).isEqualTo(3);
    assertThat(f.get(Feature.NEW_DEVICE_COUNT_1H)).as("pc was new 20 min ago only").isEqualTo(1);
    assertThat(f.get(Feature.NEW_DEVICE)).isZero();
  }

  @Test
  void shouldFlagValuesTheUserHasNotUsedRecently() {
    Transaction tx =
        Tx.at(TUESDAY_NOON)
            .merchant("jeweller")
            .merchantCategory("jewellery")
            .country("FR")
            .deviceId("unknown-pc")
            .build();

    FeatureVector f = features(tenNoonDays(), tx);

    assertThat(f.get(Feature.NEW_MERCHANT)).isEqualTo(1);
    assertThat(f.get(Feature.NEW_CATEGORY)).isEqualTo(1);
    assertThat(f.get(Feature.NEW_COUNTRY)).isEqualTo(1);
    assertThat(f.get(Feature.NEW_DEVICE)).isEqualTo(1);
  }

  @Test
  void shouldNotFlagKnownOrMissingValues() {
    Transaction tx =
        Tx.at(TUESDAY_NOON).merchantCategory(null).country(null).deviceId(null).build();

    FeatureVector f = features(tenNoonDays(), tx);

    assertThat(f.get(Feature.NEW_MERCHANT)).isZero();
    assertThat(f.get(Feature.NEW_CATEGORY)).isZero();
    assertThat(f.get(Feature.NEW_COUNTRY)).isZero();
    assertThat(f.get(Feature.NEW_DEVICE)).isZero();
  }

  @Test
  void shouldFlagCardNotPresentForOnlinePayments() {
    assertThat(
            features(List.of(), Tx.at(MONDAY_NOON).channel(Channel.ONLINE).build())
                .get(Feature.CARD_NOT_PRESENT))
        .isEqualTo(1);
    assertThat(
            features(List.of(), Tx.at(MONDAY_NOON).channel(Channel.ATM).build())
                .get(Feature.CARD_NOT_PRESENT))
        .isZero();
  }

  @Test
  void shouldMeasureSecondsSinceTheLastTransactionAndZeroForALateOne() {
    List<Transaction> history = List.of(Tx.at(MONDAY_NOON).build());

    assertThat(
            features(history, Tx.at(after(MONDAY_NOON, seconds(90))).build())
                .get(Feature.SECONDS_SINCE_LAST))
        .isEqualTo(90.0);
    assertThat(
            features(history, Tx.at(MONDAY_NOON.minus(seconds(90))).build())
                .get(Feature.SECONDS_SINCE_LAST))
        .isZero();
  }

  @Test
  void shouldMeasureDistanceAndTravelSpeedFromTheLastLocation() {
    List<Transaction> history = List.of(Tx.at(MONDAY_NOON).build());
    Transaction inParis =
        Tx.at(after(MONDAY_NOON, hours(2))).latitude(Tx.PARIS_LAT).longitude(Tx.PARIS_LON).build();

    FeatureVector f = features(history, inParis);

    assertThat(f.get(Feature.DISTANCE_KM)).isCloseTo(878, within(5.0));
    assertThat(f.get(Feature.TRAVEL_SPEED_KMH)).isCloseTo(439, within(3.0));
  }

  @Test
  void shouldNotTurnATinyTimeGapIntoAnAbsurdSpeed() {
    List<Transaction> history = List.of(Tx.at(MONDAY_NOON).build());
    Transaction nextDoor =
        Tx.at(after(MONDAY_NOON, seconds(10))).latitude(Tx.BERLIN_LAT + 0.01).build();

    FeatureVector f = features(history, nextDoor);

    // 1.1 km over the 5 min floor, not over 10 s (400 km/h)
    assertThat(f.get(Feature.TRAVEL_SPEED_KMH)).isCloseTo(13.3, within(0.5));
  }

  @Test
  void shouldLeaveDistanceAtZeroWhenALocationIsUnknown() {
    List<Transaction> history = List.of(Tx.at(MONDAY_NOON).build());
    Transaction nowhere =
        Tx.at(after(MONDAY_NOON, hours(1))).latitude(null).longitude(null).build();

    assertThat(features(history, nowhere).get(Feature.DISTANCE_KM)).isZero();
  }

  @Test
  void shouldRateANightHourUnlikelyByThePriorAndTheUsersOwnNoonHabit() {
    Instant berlinNight = TUESDAY_3AM; // 04:00 local solar time in Berlin

    double withoutHistory =
        features(List.of(), Tx.at(berlinNight).build()).get(Feature.HOUR_PROBABILITY);
    double noonUser =
        features(tenNoonDays(), Tx.at(berlinNight).build()).get(Feature.HOUR_PROBABILITY);
    double atNoon =
        features(tenNoonDays(), Tx.at(TUESDAY_NOON).build()).get(Feature.HOUR_PROBABILITY);

    assertThat(withoutHistory).isLessThan(1.0 / 24 / 4);
    assertThat(noonUser).isLessThan(withoutHistory);
    assertThat(atNoon).isGreaterThan(0.15);
  }

  @Test
  void shouldPlaceTheGenericDailyCurveAtLocalSolarTime() {
    // 03:00 UTC is late morning in Tokyo but the dead of night in Berlin
    double tokyo =
        features(List.of(), Tx.at(TUESDAY_3AM).latitude(35.68).longitude(139.69).build())
            .get(Feature.HOUR_PROBABILITY);
    double berlin = features(List.of(), Tx.at(TUESDAY_3AM).build()).get(Feature.HOUR_PROBABILITY);

    assertThat(tokyo).isGreaterThan(10 * berlin);
  }

  @Test
  void shouldCompareTodaysSpendWithTheUsersTypicalDay() {
    List<Transaction> history = new ArrayList<>(tenNoonDays());
    history.add(Tx.at(MONDAY_NOON, "30.00").build());

    FeatureVector f = features(history, Tx.at(after(MONDAY_NOON, hours(1)), "150.00").build());

    // today: 30.00 + 150.00; the ten days before averaged 30.00
    assertThat(f.get(Feature.DAILY_SPEND)).isEqualTo(180.0);
    assertThat(f.get(Feature.DAILY_SPEND_RATIO)).isCloseTo(6.0, within(5e-7));
  }

  @Test
  void shouldCountTheLastActiveDayAsTypicalOnceANewDayBegins() {
    FeatureVector f = features(tenNoonDays(), Tx.at(MONDAY_NOON, "90.00").build());

    assertThat(f.get(Feature.DAILY_SPEND)).isEqualTo(90.0);
    assertThat(f.get(Feature.DAILY_SPEND_RATIO)).isCloseTo(3.0, within(5e-7));
  }

  @Test
  void shouldFlagTheAccountStatus() {
    Transaction tx = Tx.at(MONDAY_NOON).build();
    UserProfile empty = UserProfile.empty(Tx.USER);

    FeatureVector blocked = FeatureExtractor.extract(tx, empty, AccountStatus.BLOCKED);
    FeatureVector stepUp = FeatureExtractor.extract(tx, empty, AccountStatus.STEP_UP_REQUIRED);
    FeatureVector active = FeatureExtractor.extract(tx, empty, AccountStatus.ACTIVE);

    assertThat(blocked.get(Feature.ACCOUNT_BLOCKED)).isEqualTo(1);
    assertThat(blocked.get(Feature.STEP_UP_REQUIRED)).isZero();
    assertThat(stepUp.get(Feature.STEP_UP_REQUIRED)).isEqualTo(1);
    assertThat(active.get(Feature.ACCOUNT_BLOCKED) + active.get(Feature.STEP_UP_REQUIRED)).isZero();
  }

  @Test
  void shouldNeverLookAtTheGroundTruthLabels() {
    Transaction honest = Tx.at(TUESDAY_NOON, "500.00").merchant("tv-shop").isFraud(false).build();
    Transaction labelled =
        honest.toBuilder().isFraud(true).fraudPattern("account_takeover").build();

    assertThat(features(tenNoonDays(), labelled)).isEqualTo(features(tenNoonDays(), honest));
  }

  @Test
  void shouldRejectTheProfileOfAnotherUser() {
    Transaction tx = Tx.at(MONDAY_NOON).build();

    assertThatThrownBy(
            () -> FeatureExtractor.extract(tx, UserProfile.empty("other"), AccountStatus.ACTIVE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
