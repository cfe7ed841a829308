package io.streamsentinel.detection;

import static io.streamsentinel.detection.Moments.MONDAY_LAST_MILLI;
import static io.streamsentinel.detection.Moments.MONDAY_NOON;
import static io.streamsentinel.detection.Moments.TUESDAY_MIDNIGHT;
import static io.streamsentinel.detection.Moments.TUESDAY_NOON;
import static io.streamsentinel.detection.Moments.after;
import static io.streamsentinel.detection.Moments.before;
import static io.streamsentinel.detection.Moments.hours;
import static io.streamsentinel.detection.Moments.millis;
import static io.streamsentinel.detection.Moments.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamsentinel.domain.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserProfileTest {

  @Test
  void shouldStartEmpty() {
    UserProfile empty = UserProfile.empty(Tx.USER);

    assertThat(empty.count()).isZero();
    assertThat(empty.hasHistory()).isFalse();
    assertThat(empty.lastPlace().isKnown()).isFalse();
    assertThat(empty.windows().size()).isZero();
  }

  @Test
  void shouldKeepRunningMeanVarianceAndMaxOfAmounts() {
    UserProfile profile =
        Tx.profileAfter(
            List.of(
                Tx.at(MONDAY_NOON, "10.00").build(),
                Tx.at(after(MONDAY_NOON, hours(1)), "20.00").build(),
                Tx.at(after(MONDAY_NOON, hours(2)), "60.00").build()));

    assertThat(profile.count()).isEqualTo(3);
    assertThat(profile.amounts().mean()).isCloseTo(30.0, within(1e-9));
    // sample variance of 10, 20, 60: ((20^2 + 10^2 + 30^2) / 2) = 700
    assertThat(profile.amounts().standardDeviation()).isCloseTo(Math.sqrt(700), within(1e-9));
    assertThat(profile.amounts().maxCents()).isEqualTo(6_000);
  }

  @Test
  void shouldRememberTheNewestTimeAndPlaceButNotMoveThemBackForALateTransaction() {
    Transaction inParis =
        Tx.at(MONDAY_NOON).latitude(Tx.PARIS_LAT).longitude(Tx.PARIS_LON).country("FR").build();
    Transaction lateAtHome = Tx.at(before(MONDAY_NOON, minutes(30))).build();

    UserProfile profile = Tx.profileAfter(List.of(inParis, lateAtHome));

    assertThat(profile.lastEpochMillis()).isEqualTo(millis(MONDAY_NOON));
    assertThat(profile.lastPlace())
        .isEqualTo(new LastPlace(millis(MONDAY_NOON), Tx.PARIS_LAT, Tx.PARIS_LON, "FR"));
    assertThat(profile.count()).isEqualTo(2);
    assertThat(profile.windows().size()).isEqualTo(2);
  }

  @Test
  void shouldKeepTheLastKnownPlaceWhenATransactionHasNoCoordinates() {
    UserProfile profile =
        Tx.profileAfter(
            List.of(
                Tx.at(MONDAY_NOON).build(),
                Tx.at(after(MONDAY_NOON, hours(1))).latitude(null).longitude(null).build()));

    assertThat(profile.lastPlace().epochMillis()).isEqualTo(millis(MONDAY_NOON));
    assertThat(profile.lastEpochMillis()).isEqualTo(millis(after(MONDAY_NOON, hours(1))));
  }

  @Test
  void shouldCountALateTransactionBeyondTheHorizonOnlyInLifetimeStatistics() {
    Transaction now = Tx.at(TUESDAY_NOON, "10.00").build();
    Transaction dayOld = Tx.at(before(TUESDAY_NOON, hours(30)), "30.00").merchant("bakery").build();

    UserProfile profile = Tx.profileAfter(List.of(now, dayOld));

    assertThat(profile.count()).isEqualTo(2);
    assertThat(profile.amounts().mean()).isCloseTo(20.0, within(1e-9));
    assertThat(profile.merchants().contains("bakery")).isTrue();
    assertThat(profile.windows().size()).isEqualTo(1);
    assertThat(profile.daily().count()).isEqualTo(1);
    assertThat(profile.daily().sumCents()).isEqualTo(1_000);
  }

  @Test
  void shouldRollTheDailySpendOverAtUtcMidnight() {
    UserProfile profile =
        Tx.profileAfter(
            List.of(
                Tx.at(MONDAY_NOON, "10.00").build(),
                Tx.at(MONDAY_LAST_MILLI, "20.00").build(),
                Tx.at(TUESDAY_MIDNIGHT, "5.00").build()));

    assertThat(profile.daily().count()).isEqualTo(1);
    assertThat(profile.daily().sumCents()).isEqualTo(500);
    assertThat(profile.daily().pastDays()).isEqualTo(1);
    assertThat(profile.daily().pastSumCents()).isEqualTo(3_000);
    assertThat(profile.daily().typicalDayCentsBefore(millis(TUESDAY_NOON) / 86_400_000L))
        .isEqualTo(3_000.0);
  }

  @Test
  void shouldCountALateTransactionOfTheCurrentDayButNotOfAnEarlierOne() {
    UserProfile today =
        Tx.profileAfter(
            List.of(
                Tx.at(TUESDAY_NOON, "10.00").build(),
                Tx.at(before(TUESDAY_NOON, hours(1)), "1.00").build(),
                Tx.at(MONDAY_LAST_MILLI, "7.00").build()));

    assertThat(today.daily().count()).isEqualTo(2);
    assertThat(today.daily().sumCents()).isEqualTo(1_100);
    assertThat(today.daily().pastDays()).isZero();
  }

  @Test
  void shouldCountTransactionsByUtcHour() {
    UserProfile profile =
        Tx.profileAfter(
            List.of(
                Tx.at(MONDAY_NOON).build(),
                Tx.at(after(MONDAY_NOON, minutes(59))).build(),
                Tx.at(TUESDAY_MIDNIGHT).build()));

    assertThat(profile.hours().count(12)).isEqualTo(2);
    assertThat(profile.hours().count(0)).isEqualTo(1);
    assertThat(profile.hours().total()).isEqualTo(3);
  }

  @Test
  void shouldRememberRecentValuesMostRecentFirst() {
    UserProfile profile =
        Tx.profileAfter(
            List.of(
                Tx.at(MONDAY_NOON).merchant("a").deviceId("laptop").country("FR").build(),
                Tx.at(after(MONDAY_NOON, hours(1))).merchant("b").build(),
                Tx.at(after(MONDAY_NOON, hours(2))).merchant("a").merchantCategory(null).build()));

    assertThat(profile.merchants().values()).containsExactly("a", "b");
    assertThat(profile.devices().values()).containsExactly("phone", "laptop");
    assertThat(profile.countries().values()).containsExactly("DE", "FR");
    assertThat(profile.categories().values()).containsExactly("grocery");
  }

  @Test
  void shouldMarkSmallAmountsNewMerchantsAndNewDevicesInTheWindows() {
    UserProfile profile =
        Tx.profileAfter(
            List.of(
                Tx.at(MONDAY_NOON, "4.99").build(),
                Tx.at(after(MONDAY_NOON, minutes(1)), "5.00")
                    .merchant("shop")
                    .deviceId("pc")
                    .build()));

    assertThat(profile.windows().marks(0))
        .as("first transaction: small, but nothing is new without history")
        .isEqualTo(SlidingWindows.SMALL_AMOUNT);
    assertThat(profile.windows().marks(1))
        .isEqualTo(SlidingWindows.NEW_MERCHANT | SlidingWindows.NEW_DEVICE);
  }

  @Test
  void shouldRejectATransactionOfAnotherUser() {
    Transaction other = Tx.at(MONDAY_NOON).userId("someone_else").build();

    assertThatThrownBy(() -> UserProfile.empty(Tx.USER).with(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("someone_else");
  }

  @Test
  void shouldLeaveTheProfileItWasBuiltFromUnchanged() {
    UserProfile before = Tx.profileAfter(List.of(Tx.at(MONDAY_NOON).build()));
    UserProfile copy = Tx.profileAfter(List.of(Tx.at(MONDAY_NOON).build()));

    before.with(Tx.at(after(MONDAY_NOON, minutes(1))).merchant("x").build());

    assertThat(before).isEqualTo(copy);
  }
}
