package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plans the everyday, legitimate transactions of the held-out {@link World#SAVANNA} world, in whole
 * shillings. Unlike the other worlds: money arrives on a day of each segment's own (salary on the
 * 25th, an allowance on the 1st, a cooperative's payout on a day of the home town's, a remittance
 * on a day of the household's), when cash is drawn and the big shop done; traders restock
 * wholesale; salaried workers spend some weekends at their family's upcountry town (always the same
 * one); relatives abroad pay some of a diaspora-funded household's online orders from their own
 * phone in their own city; cash comes in 500-shilling notes.
 */
final class SavannaSpending implements EverydaySpending {

  /** Share of purchases at a merchant that is not a favourite. */
  static final double NEW_MERCHANT_SHARE = 0.06;

  /** About 3 km. */
  static final double LOCAL_JITTER_DEGREES = 0.03;

  /** Largest everyday amount, below the codec's default bound of 1,000,000 currency units. */
  static final double MAX_KES = 600_000;

  /** The notes withdrawals are made of. */
  static final double ATM_NOTE_KES = 500;

  /** The day of the month salaries arrive. */
  static final int SALARY_DAY = 25;

  /** The day of the month allowances arrive. */
  static final int ALLOWANCE_DAY = 1;

  private static final double MIN_KES = 50;
  private static final int MIN_ATM_NOTES = 2;

  /** A user's own devices: the first (the phone) pays most online purchases. */
  private static final double FIRST_DEVICE_SHARE = 0.8;

  /** Cooperatives and remittances come on a day within the 3rd to the 26th. */
  private static final int FIRST_PAYOUT_DAY = 3;

  private static final int PAYOUT_DAYS = 24;

  /** Median price in a category relative to the typical purchase, in category order. */
  private static final double[] AMOUNT_FACTORS = {
    1.0, 0.7, 2.5, 6.0, 5.0, 1.5, 5.0, 2.0, 0.9, 0.6, 1.2, 2.5
  };

  private final SplittableRandom rng;
  private final SimulatedTimeline timeline;
  private final Map<SyntheticUser, SavannaSegment> segments;
  private final MerchantPicker merchants;
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();
  private final int[] atms =
      MerchantCatalog.indicesWhere(m -> m.category() == MerchantCategory.ATM_CASH);
  private final CategoryPrices prices =
      new CategoryPrices(
          AMOUNT_FACTORS, MIN_KES, MAX_KES, ATM_NOTE_KES, MIN_ATM_NOTES, Amounts::wholeUnits);

  /** Trips, payout days and where relatives live: pure functions of the user and this salt. */
  private final long salt;

  private final WeekendTrips trips;
  private final DaysOfMonth daysOfMonth = new DaysOfMonth();
  private PlannedEvent lastPlanned;

  /**
   * @param segments the segment of every user, by the user
   */
  SavannaSpending(
      SplittableRandom rng,
      SimulatedTimeline timeline,
      Map<SyntheticUser, SavannaSegment> segments) {
    this.rng = rng;
    this.timeline = timeline;
    this.merchants = new MerchantPicker(rng);
    this.segments = segments;
    this.salt = rng.nextLong();
    this.trips = new WeekendTrips(salt);
  }

  @Override
  public PlannedEvent plan(UserState user, long atMicros, long order) {
    SyntheticUser profile = user.user;
    SavannaSegment segment = segments.get(profile);
    SavannaSegment.Income income = segment.income();
    long day = user.localDay(timeline.epochSecondAt(atMicros));
    boolean payday = isPayday(profile, segment, day);
    int merchantIndex;
    if (payday && rng.nextDouble() < income.payCashShare()) {
      merchantIndex = merchants.favouriteOf(user, atms);
    } else if (rng.nextDouble() < NEW_MERCHANT_SHARE) {
      merchantIndex =
          merchants.notFavouriteOf(user, merchantsByCategory[segment.drawCategory(rng).ordinal()]);
    } else {
      merchantIndex = merchants.loyalFavourite(user, segment.loyalty());
    }
    user.visit(merchantIndex);
    Merchant merchant = MerchantCatalog.get(merchantIndex);
    Channel channel = EverydaySpending.usualChannel(user, merchant, rng);
    BigDecimal amount = amountFor(user, merchant, income, payday);
    String device = null;
    City city = profile.homeCity();
    double latitude = profile.homeLatitude();
    double longitude = profile.homeLongitude();
    int ticket = trips.ticket(profile, segment.reach().tripShare(), day);
    if (ticket != WeekendTrips.AT_HOME) {
      city = upcountry(profile);
      latitude = city.latitude();
      longitude = city.longitude();
    }
    if (channel == Channel.ONLINE) {
      List<String> devices = profile.deviceIds();
      if (devices.size() > 1 && rng.nextDouble() < segment.reach().relativeAbroadShare()) {
        device = devices.get(devices.size() - 1);
        city = relativeCity(profile);
        latitude = city.latitude();
        longitude = city.longitude();
      } else {
        device =
            segment == SavannaSegment.DIASPORA_FUNDED
                ? devices.get(0)
                : EverydaySpending.ownDevice(user, FIRST_DEVICE_SHARE, rng);
      }
    }
    lastPlanned =
        new PlannedEvent(
            atMicros,
            order,
            user,
            merchant,
            amount,
            channel,
            device,
            city,
            latitude + jitter(),
            longitude + jitter(),
            null);
    return lastPlanned;
  }

  /** The everyday event planned last, or null before the first: the one just emitted. */
  PlannedEvent lastPlanned() {
    return lastPlanned;
  }

  /**
   * Whether pay arrives for this user on this local day (days since 1970-01-01) or arrived the day
   * before.
   */
  boolean isPayday(SyntheticUser user, SavannaSegment segment, long day) {
    int dayOfMonth = daysOfMonth.of(day);
    int payDay =
        switch (segment.income().cycle()) {
          case NONE -> -1;
          case MONTH_END -> SALARY_DAY;
          case MONTH_START -> ALLOWANCE_DAY;
          case COOPERATIVE -> payoutDay(user.homeCity().name().hashCode());
          case REMITTANCE -> payoutDay(user.userId().hashCode());
        };
    return dayOfMonth == payDay || dayOfMonth == payDay + 1;
  }

  /** The upcountry town the user's family lives in: always the same one, never the home town. */
  City upcountry(SyntheticUser user) {
    List<City> towns = SavannaCities.upcountry();
    int ticket = (int) Math.floorMod(WeekendTrips.mix(salt ^ user.userId().hashCode()), 65_536L);
    return WeekendTrips.pick(towns, ticket, user.homeCity());
  }

  /** The city abroad the household's relative lives in: always the same one. */
  City relativeCity(SyntheticUser user) {
    List<City> cities = SavannaCities.diaspora();
    long hash = WeekendTrips.mix(~salt ^ user.userId().hashCode());
    return cities.get((int) Math.floorMod(hash, (long) cities.size()));
  }

  private int payoutDay(int key) {
    return FIRST_PAYOUT_DAY + (int) Math.floorMod(WeekendTrips.mix(salt ^ key), (long) PAYOUT_DAYS);
  }

  private BigDecimal amountFor(
      UserState user, Merchant merchant, SavannaSegment.Income income, boolean payday) {
    MerchantCategory category = merchant.category();
    double boost = 1;
    if (payday && (category == MerchantCategory.GROCERY || category == MerchantCategory.ATM_CASH)) {
      boost = income.payBoost();
    } else if (category == MerchantCategory.GROCERY
        && income.restockShare() > 0
        && rng.nextDouble() < income.restockShare()) {
      boost = income.restockFactor();
    }
    return prices.price(user, category, boost, rng);
  }

  private double jitter() {
    return rng.nextDouble(-LOCAL_JITTER_DEGREES, LOCAL_JITTER_DEGREES);
  }
}
