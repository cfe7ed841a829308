package io.streamsentinel.detection;

import io.streamsentinel.domain.Transaction;
import java.util.Objects;

/**
 * What is known about one user's behaviour, built from their transactions in event time. Immutable:
 * {@link #with(Transaction)} returns the profile after one more transaction. Bounded in size
 * whatever the user does (see {@link RecentSet} and {@link SlidingWindows}).
 *
 * <p>A late transaction (earlier than the newest seen) counts in the lifetime statistics (amounts,
 * hours, sets of values seen), in the windows while within their 24 h horizon and in the daily
 * spend only when of the current day; it never moves the last time or place back.
 *
 * @param userId never null
 * @param amounts lifetime amount statistics; the transaction count is {@code amounts.count()}
 * @param lastEpochMillis event time of the newest transaction; meaningless while there is none
 * @param lastPlace the newest transaction with coordinates
 * @param merchants the {@link #MERCHANTS} most recent merchants
 * @param categories the {@link #CATEGORIES} most recent merchant categories
 * @param countries the {@link #COUNTRIES} most recent countries
 * @param devices the {@link #DEVICES} most recent device ids
 * @param hours transactions per UTC hour of day
 * @param daily spend of the current day and of past active days
 * @param windows counts and sums over the sliding windows
 * @param seenIds the user's recent transaction ids, for de-duplication (record time)
 * @param habits running figures of the user's habits (log-amount spread, home, channels)
 * @param novelty how often the user takes up a new merchant or device, and their pace
 */
public record UserProfile(
    String userId,
    AmountStats amounts,
    long lastEpochMillis,
    LastPlace lastPlace,
    RecentSet merchants,
    RecentSet categories,
    RecentSet countries,
    RecentSet devices,
    HourHistogram hours,
    DailySpend daily,
    SlidingWindows windows,
    RecentIds seenIds,
    Habits habits,
    Novelty novelty) {

  /** Merchants remembered: a month of varied shopping for most card holders. */
  public static final int MERCHANTS = 32;

  /** Merchant categories remembered. */
  public static final int CATEGORIES = 16;

  /** Countries remembered: frequent travellers rarely exceed a handful. */
  public static final int COUNTRIES = 8;

  /** Devices remembered: phones, laptops and a few shared ones. */
  public static final int DEVICES = 8;

  /** Below 5.00: the range fraudsters use to test stolen cards before spending them. */
  public static final long SMALL_AMOUNT_CENTS = 500;

  public UserProfile {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(amounts, "amounts");
    Objects.requireNonNull(lastPlace, "lastPlace");
    Objects.requireNonNull(merchants, "merchants");
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(countries, "countries");
    Objects.requireNonNull(devices, "devices");
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(daily, "daily");
    Objects.requireNonNull(windows, "windows");
    Objects.requireNonNull(seenIds, "seenIds");
    Objects.requireNonNull(habits, "habits");
    Objects.requireNonNull(novelty, "novelty");
  }

  /** The profile of a user with no transactions yet. */
  public static UserProfile empty(String userId) {
    return new UserProfile(
        userId,
        AmountStats.EMPTY,
        0,
        LastPlace.UNKNOWN,
        RecentSet.empty(MERCHANTS),
        RecentSet.empty(CATEGORIES),
        RecentSet.empty(COUNTRIES),
        RecentSet.empty(DEVICES),
        HourHistogram.empty(),
        DailySpend.EMPTY,
        SlidingWindows.empty(),
        RecentIds.empty(),
        Habits.EMPTY,
        Novelty.EMPTY);
  }

  /**
   * The profile after {@code tx}.
   *
   * @throws IllegalArgumentException when the transaction belongs to another user
   */
  public UserProfile with(Transaction tx) {
    if (!userId.equals(tx.userId())) {
      throw new IllegalArgumentException(
          "transaction of user " + tx.userId() + " applied to the profile of " + userId);
    }
    long time = tx.timestamp().toEpochMilli();
    long cents = Cents.of(tx.amount());
    boolean newest = !hasHistory() || time >= lastEpochMillis;
    return new UserProfile(
        userId,
        amounts.plus(cents),
        newest ? time : lastEpochMillis,
        newest && hasCoordinates(tx) ? placeOf(tx, time) : lastPlace,
        merchants.plus(tx.merchant()),
        categories.plus(tx.merchantCategory()),
        countries.plus(tx.country()),
        devices.plus(tx.deviceId()),
        hours.plus(EventTime.hourOfDay(time)),
        daily.plus(EventTime.epochDay(time), cents),
        windows.plus(time, cents, marksOf(tx, cents)),
        seenIds,
        habits.plus(
            cents,
            tx.latitude() != null ? tx.latitude() : Double.NaN,
            tx.longitude() != null ? tx.longitude() : Double.NaN,
            tx.channel()),
        novelty.plus(time, isNew(merchants, tx.merchant()), isNew(devices, tx.deviceId())));
  }

  /**
   * This profile remembering a transaction id (its {@link RecentIds#hash}) seen at record time
   * {@code time}, for {@code windowMillis}.
   */
  public UserProfile withSeen(long idHash, long time, long windowMillis) {
    return new UserProfile(
        userId,
        amounts,
        lastEpochMillis,
        lastPlace,
        merchants,
        categories,
        countries,
        devices,
        hours,
        daily,
        windows,
        seenIds.plus(idHash, time, windowMillis),
        habits,
        novelty);
  }

  /** Transactions seen so far. */
  public long count() {
    return amounts.count();
  }

  /** Whether any transaction was seen: only then can something be "new" for this user. */
  public boolean hasHistory() {
    return amounts.count() > 0;
  }

  /**
   * Whether {@code value} is new among {@code seen}: false without history (a first transaction is
   * not suspicious merely for being first) and false when the value is unknown.
   */
  boolean isNew(RecentSet seen, String value) {
    return hasHistory() && value != null && !seen.contains(value);
  }

  /** The {@link SlidingWindows} mark bits of a transaction against this profile (before it). */
  int marksOf(Transaction tx, long cents) {
    int marks = cents < SMALL_AMOUNT_CENTS ? SlidingWindows.SMALL_AMOUNT : 0;
    marks |= isNew(merchants, tx.merchant()) ? SlidingWindows.NEW_MERCHANT : 0;
    return isNew(devices, tx.deviceId()) ? marks | SlidingWindows.NEW_DEVICE : marks;
  }

  private static boolean hasCoordinates(Transaction tx) {
    return tx.latitude() != null && tx.longitude() != null;
  }

  private static LastPlace placeOf(Transaction tx, long time) {
    return new LastPlace(time, tx.latitude(), tx.longitude(), tx.country());
  }
}
