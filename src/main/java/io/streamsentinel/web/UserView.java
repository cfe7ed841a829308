package io.streamsentinel.web;

import io.streamsentinel.detection.AmountStats;
import io.streamsentinel.detection.Cents;
import io.streamsentinel.detection.DailySpend;
import io.streamsentinel.detection.LastPlace;
import io.streamsentinel.detection.SlidingWindows;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.detection.VelocityWindow;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The JSON body of {@code GET /api/users/{id}} (shape in {@link UserRoutes}): a user's profile and
 * account state in readable form, money as decimals, times as ISO-8601 instants.
 */
record UserView(String userId, String servedBy, Account account, Profile profile) {

  /** The account's status in force at the time of the request, and the record it comes from. */
  record Account(String status, String reason, Instant updatedAt, Instant expiresAt) {}

  record Profile(
      long transactionCount,
      Instant lastTransactionAt,
      Amounts amounts,
      Place lastPlace,
      List<String> recentMerchants,
      List<String> recentCategories,
      List<String> recentCountries,
      List<String> recentDevices,
      List<Integer> transactionsByUtcHour,
      Daily dailySpend,
      List<Window> velocity) {}

  /** Lifetime amount statistics; mean and deviation rounded to cents for display. */
  record Amounts(BigDecimal mean, BigDecimal standardDeviation, BigDecimal max) {}

  record Place(Instant at, double latitude, double longitude, String country) {}

  record Daily(
      LocalDate day, int count, BigDecimal total, int pastActiveDays, BigDecimal pastTotal) {}

  record Window(
      String window,
      long seconds,
      int count,
      BigDecimal total,
      int smallAmounts,
      int newMerchants,
      int newDevices) {}

  /**
   * The view of a served user.
   *
   * @param account the stored account state, null for none
   * @param now the time the account status is judged at (a step-up lapses)
   */
  static UserView of(String servedBy, UserProfile profile, AccountState account, Instant now) {
    return new UserView(profile.userId(), servedBy, account(account, now), profile(profile));
  }

  private static Account account(AccountState state, Instant now) {
    if (state == null) {
      return new Account(AccountStatus.ACTIVE.wireName(), null, null, null);
    }
    return new Account(
        state.statusAt(now).wireName(), state.reason(), state.updatedAt(), state.expiresAt());
  }

  private static Profile profile(UserProfile p) {
    return new Profile(
        p.count(),
        p.hasHistory() ? Instant.ofEpochMilli(p.lastEpochMillis()) : null,
        amounts(p.amounts()),
        place(p.lastPlace()),
        p.merchants().values(),
        p.categories().values(),
        p.countries().values(),
        p.devices().values(),
        Arrays.stream(p.hours().counts()).boxed().toList(),
        daily(p.daily()),
        windows(p.windows()));
  }

  private static Amounts amounts(AmountStats a) {
    return new Amounts(
        rounded(a.mean()), rounded(a.standardDeviation()), Cents.toDecimal(a.maxCents()));
  }

  private static Place place(LastPlace place) {
    if (!place.isKnown()) {
      return null;
    }
    return new Place(
        Instant.ofEpochMilli(place.epochMillis()),
        place.latitude(),
        place.longitude(),
        place.country());
  }

  private static Daily daily(DailySpend d) {
    return new Daily(
        d.count() == 0 ? null : LocalDate.ofEpochDay(d.epochDay()),
        d.count(),
        Cents.toDecimal(d.sumCents()),
        d.pastDays(),
        Cents.toDecimal(d.pastSumCents()));
  }

  private static List<Window> windows(SlidingWindows w) {
    List<Window> windows = new ArrayList<>();
    for (VelocityWindow window : VelocityWindow.values()) {
      windows.add(
          new Window(
              window.name().toLowerCase(Locale.ROOT),
              window.length().toSeconds(),
              w.count(window),
              Cents.toDecimal(w.sum(window)),
              w.marked(window, SlidingWindows.SMALL_AMOUNT),
              w.marked(window, SlidingWindows.NEW_MERCHANT),
              w.marked(window, SlidingWindows.NEW_DEVICE)));
    }
    return windows;
  }

  private static BigDecimal rounded(double units) {
    return BigDecimal.valueOf(units).setScale(2, RoundingMode.HALF_EVEN);
  }
}
