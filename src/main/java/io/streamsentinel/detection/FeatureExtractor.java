package io.streamsentinel.detection;

import static io.streamsentinel.detection.Feature.ACCOUNT_BLOCKED;
import static io.streamsentinel.detection.Feature.AMOUNT;
import static io.streamsentinel.detection.Feature.AMOUNT_LOG_ZSCORE;
import static io.streamsentinel.detection.Feature.AMOUNT_TO_MAX_RATIO;
import static io.streamsentinel.detection.Feature.AMOUNT_TO_MEAN_RATIO;
import static io.streamsentinel.detection.Feature.AMOUNT_ZSCORE;
import static io.streamsentinel.detection.Feature.CARD_NOT_PRESENT;
import static io.streamsentinel.detection.Feature.CHANNEL_SHARE;
import static io.streamsentinel.detection.Feature.DAILY_COUNT_RATIO;
import static io.streamsentinel.detection.Feature.DAILY_SPEND;
import static io.streamsentinel.detection.Feature.DAILY_SPEND_RATIO;
import static io.streamsentinel.detection.Feature.DISTANCE_KM;
import static io.streamsentinel.detection.Feature.HISTORY_COUNT;
import static io.streamsentinel.detection.Feature.HOME_DISTANCE_KM;
import static io.streamsentinel.detection.Feature.HOME_DISTANCE_RATIO;
import static io.streamsentinel.detection.Feature.HOUR_PROBABILITY;
import static io.streamsentinel.detection.Feature.NEW_CATEGORY;
import static io.streamsentinel.detection.Feature.NEW_COUNTRY;
import static io.streamsentinel.detection.Feature.NEW_DEVICE;
import static io.streamsentinel.detection.Feature.NEW_DEVICE_COUNT_1H;
import static io.streamsentinel.detection.Feature.NEW_DEVICE_COUNT_24H;
import static io.streamsentinel.detection.Feature.NEW_MERCHANT;
import static io.streamsentinel.detection.Feature.NEW_MERCHANT_COUNT_1H;
import static io.streamsentinel.detection.Feature.NEW_MERCHANT_COUNT_24H;
import static io.streamsentinel.detection.Feature.SECONDS_SINCE_LAST;
import static io.streamsentinel.detection.Feature.SMALL_AMOUNT_COUNT_10M;
import static io.streamsentinel.detection.Feature.STEP_UP_REQUIRED;
import static io.streamsentinel.detection.Feature.TRAVEL_SPEED_KMH;
import static io.streamsentinel.detection.Feature.TX_COUNT_10M;
import static io.streamsentinel.detection.Feature.TX_COUNT_1H;
import static io.streamsentinel.detection.Feature.TX_COUNT_1M;
import static io.streamsentinel.detection.Feature.TX_COUNT_24H;
import static io.streamsentinel.detection.Feature.TX_SUM_10M;
import static io.streamsentinel.detection.Feature.TX_SUM_1H;
import static io.streamsentinel.detection.Feature.TX_SUM_1M;
import static io.streamsentinel.detection.Feature.TX_SUM_24H;

import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.time.Duration;
import java.util.Objects;

/**
 * Computes the {@link Feature}s of a transaction from the transaction and the user's profile
 * <em>before</em> it. Window counts and sums include the transaction itself, so "7 in 60 s" counts
 * this one. A pure function on the hot path: primitive arithmetic into one fresh array.
 *
 * <p>Never reads the ground-truth labels of the transaction.
 */
public final class FeatureExtractor {

  /**
   * Smallest standard deviation a z-score divides by, in currency units: a user whose first amounts
   * were all equal must not make a one-cent change look like an outlier.
   */
  static final double MIN_STANDARD_DEVIATION = 1.0;

  /** The same floor as a share of the mean, for users who spend large, very regular amounts. */
  static final double MIN_STANDARD_DEVIATION_SHARE_OF_MEAN = 0.1;

  /**
   * Shortest time gap a travel speed divides by: coordinates of two shops in one city at one minute
   * are noise, not a jet. Keeps 2 km in 10 s from reading as 720 km/h.
   */
  static final Duration MIN_TRAVEL_GAP = Duration.ofMinutes(5);

  private static final double MIN_TRAVEL_GAP_HOURS =
      MIN_TRAVEL_GAP.toMillis() / (double) EventTime.MILLIS_PER_HOUR;

  /**
   * The spread of log amounts a user is assumed to have before their own shows, worth {@link
   * #LOG_SPREAD_PRIOR_WEIGHT} transactions: about a factor 2 either way, as everyday card spending
   * across shop kinds goes. Keeps a user whose first few amounts happen to be alike from making
   * every later one look extreme.
   */
  static final double GENERIC_LOG_SPREAD = 0.75;

  static final double LOG_SPREAD_PRIOR_WEIGHT = 4;

  /** Smallest usual distance from home a ratio divides by: shops in one neighbourhood. */
  static final double MIN_HOME_RADIUS_KM = 1.0;

  private static final VelocityWindow[] WINDOWS = VelocityWindow.values();
  private static final Feature[] COUNTS = {TX_COUNT_1M, TX_COUNT_10M, TX_COUNT_1H, TX_COUNT_24H};
  private static final Feature[] SUMS = {TX_SUM_1M, TX_SUM_10M, TX_SUM_1H, TX_SUM_24H};

  private FeatureExtractor() {}

  /**
   * The features of {@code tx}.
   *
   * @param tx never null
   * @param before the profile of the transaction's user before it; never null
   * @param status the account's current status; never null
   * @throws IllegalArgumentException when the profile belongs to another user
   */
  public static FeatureVector extract(Transaction tx, UserProfile before, AccountStatus status) {
    Objects.requireNonNull(status, "status");
    if (!before.userId().equals(tx.userId())) {
      throw new IllegalArgumentException(
          "transaction of user "
              + tx.userId()
              + " scored against the profile of "
              + before.userId());
    }
    double[] f = new double[Feature.COUNT];
    long time = tx.timestamp().toEpochMilli();
    long cents = Cents.of(tx.amount());
    amountFeatures(f, cents, before.amounts());
    windowFeatures(f, before.windows(), time, cents, before.marksOf(tx, cents));
    noveltyFeatures(f, tx, before);
    travelFeatures(f, tx, before.lastPlace(), time);
    habitFeatures(f, tx, before, time, cents);
    userRelativeFeatures(f, tx, before.habits(), cents);
    Surprisal.fill(f, before.novelty(), time);
    f[ACCOUNT_BLOCKED.ordinal()] = status == AccountStatus.BLOCKED ? 1 : 0;
    f[STEP_UP_REQUIRED.ordinal()] = status == AccountStatus.STEP_UP_REQUIRED ? 1 : 0;
    return FeatureVector.wrap(f);
  }

  private static void amountFeatures(double[] f, long cents, AmountStats stats) {
    double amount = Cents.toUnits(cents);
    f[AMOUNT.ordinal()] = amount;
    f[HISTORY_COUNT.ordinal()] = stats.count();
    if (stats.maxCents() == 0) {
      return; // no history, or only amounts that round to zero cents: nothing to compare with
    }
    double floor =
        Math.max(MIN_STANDARD_DEVIATION, MIN_STANDARD_DEVIATION_SHARE_OF_MEAN * stats.mean());
    f[AMOUNT_ZSCORE.ordinal()] =
        (amount - stats.mean()) / Math.max(stats.standardDeviation(), floor);
    f[AMOUNT_TO_MEAN_RATIO.ordinal()] = amount / stats.mean();
    f[AMOUNT_TO_MAX_RATIO.ordinal()] = amount / stats.max();
  }

  private static void windowFeatures(
      double[] f, SlidingWindows windows, long time, long cents, int marks) {
    for (VelocityWindow window : WINDOWS) {
      int w = window.ordinal();
      f[COUNTS[w].ordinal()] = windows.countWith(window, time);
      f[SUMS[w].ordinal()] = Cents.toUnits(windows.sumWith(window, time, cents));
    }
    f[SMALL_AMOUNT_COUNT_10M.ordinal()] =
        windows.markedWith(VelocityWindow.TEN_MINUTES, SlidingWindows.SMALL_AMOUNT, time, marks);
    f[NEW_MERCHANT_COUNT_1H.ordinal()] =
        windows.markedWith(VelocityWindow.ONE_HOUR, SlidingWindows.NEW_MERCHANT, time, marks);
    f[NEW_DEVICE_COUNT_1H.ordinal()] =
        windows.markedWith(VelocityWindow.ONE_HOUR, SlidingWindows.NEW_DEVICE, time, marks);
    f[NEW_MERCHANT_COUNT_24H.ordinal()] =
        windows.markedWith(VelocityWindow.ONE_DAY, SlidingWindows.NEW_MERCHANT, time, marks);
    f[NEW_DEVICE_COUNT_24H.ordinal()] =
        windows.markedWith(VelocityWindow.ONE_DAY, SlidingWindows.NEW_DEVICE, time, marks);
  }

  private static void noveltyFeatures(double[] f, Transaction tx, UserProfile before) {
    f[NEW_MERCHANT.ordinal()] = flag(before.isNew(before.merchants(), tx.merchant()));
    f[NEW_CATEGORY.ordinal()] = flag(before.isNew(before.categories(), tx.merchantCategory()));
    f[NEW_COUNTRY.ordinal()] = flag(before.isNew(before.countries(), tx.country()));
    f[NEW_DEVICE.ordinal()] = flag(before.isNew(before.devices(), tx.deviceId()));

    f[CARD_NOT_PRESENT.ordinal()] = flag(tx.channel() == Channel.ONLINE);
  }

  private static void travelFeatures(double[] f, Transaction tx, LastPlace last, long time) {
    if (!last.isKnown() || tx.latitude() == null || tx.longitude() == null) {
      return;
    }
    double km =
        GreatCircle.distanceKm(last.latitude(), last.longitude(), tx.latitude(), tx.longitude());
    double hours = Math.abs(time - last.epochMillis()) / (double) EventTime.MILLIS_PER_HOUR;
    f[DISTANCE_KM.ordinal()] = km;
    f[TRAVEL_SPEED_KMH.ordinal()] = km / Math.max(hours, MIN_TRAVEL_GAP_HOURS);
  }

  private static void habitFeatures(
      double[] f, Transaction tx, UserProfile before, long time, long cents) {
    double longitude = tx.longitude() != null ? tx.longitude() : before.lastPlace().longitude();
    f[HOUR_PROBABILITY.ordinal()] =
        HourLikelihood.of(before.hours(), EventTime.hourOfDay(time), longitude);
    DailySpend daily = before.daily();
    long day = EventTime.epochDay(time);
    long spent = daily.spentWith(day, cents);
    f[DAILY_SPEND.ordinal()] = Cents.toUnits(spent);
    double typical = daily.typicalDayCentsBefore(day);
    f[DAILY_SPEND_RATIO.ordinal()] = typical > 0 ? spent / typical : 0;
    f[DAILY_COUNT_RATIO.ordinal()] = dailyCountRatio(daily, day, before.amounts().count());
    if (before.hasHistory() && time > before.lastEpochMillis()) {
      f[SECONDS_SINCE_LAST.ordinal()] =
          (time - before.lastEpochMillis()) / (double) EventTime.MILLIS_PER_SECOND;
    }
  }

  /**
   * The features against {@link Habits}: each falls back to a neutral value while the habits are
   * empty (a new user, or a profile from before they were kept).
   */
  private static void userRelativeFeatures(double[] f, Transaction tx, Habits h, long cents) {
    if (h.logCount() > 0 && cents > 0) {
      double variance =
          (h.logSumSquaredDeviations()
                  + LOG_SPREAD_PRIOR_WEIGHT * GENERIC_LOG_SPREAD * GENERIC_LOG_SPREAD)
              / (h.logCount() - 1 + LOG_SPREAD_PRIOR_WEIGHT);
      f[AMOUNT_LOG_ZSCORE.ordinal()] =
          (Math.log(cents / Cents.PER_UNIT) - h.logMean()) / Math.sqrt(variance);
    }
    if (h.hasHome() && tx.latitude() != null && tx.longitude() != null) {
      double km =
          GreatCircle.distanceKm(
              h.homeLatitude(), h.homeLongitude(), tx.latitude(), tx.longitude());
      f[HOME_DISTANCE_KM.ordinal()] = km;
      f[HOME_DISTANCE_RATIO.ordinal()] = km / Math.max(h.homeRadiusKm(), MIN_HOME_RADIUS_KM);
    }
    f[CHANNEL_SHARE.ordinal()] =
        tx.channel() == null ? 1 : (h.countOn(tx.channel()) + 1.0) / (h.withChannel() + 3.0);
  }

  /**
   * Today's count with this transaction over the user's mean count per completed active day: the
   * lifetime count less today's so far, over the days before today. 0 without a completed day.
   */
  private static double dailyCountRatio(DailySpend daily, long day, long lifetimeCount) {
    boolean today = daily.count() > 0 && day == daily.epochDay();
    boolean currentIsOver = daily.count() > 0 && day > daily.epochDay();
    long days = daily.pastDays() + (currentIsOver ? 1 : 0);
    long pastCount = lifetimeCount - (today ? daily.count() : 0);
    if (days == 0 || pastCount <= 0) {
      return 0;
    }
    return (today ? daily.count() + 1 : 1) / ((double) pastCount / days);
  }

  private static double flag(boolean value) {
    return value ? 1 : 0;
  }
}
