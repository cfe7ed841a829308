package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plans the everyday, legitimate transactions of the held-out {@link World#MESA} world, in colones.
 * Unlike the other worlds: loyalty is to one shop (the first favourite) rather than a sliding
 * preference, households paid every fortnight draw cash and do the big shop on paydays, some people
 * spend long weekends on the coast (their payments then come from another city of the country),
 * some buy online at web shops abroad, and cash comes in 5,000-colón notes.
 */
final class MesaSpending implements EverydaySpending {

  /** Share of purchases at a merchant that is not a favourite. */
  static final double NEW_MERCHANT_SHARE = 0.07;

  /** On a payday, the chance that a purchase of someone paid fortnightly is a cash withdrawal. */
  static final double PAYDAY_CASH_SHARE = 0.3;

  /**
   * On a payday, a grocery purchase of someone paid fortnightly is the fortnight's big shop, and a
   * withdrawal the fortnight's cash: both several times the usual.
   */
  static final double PAYDAY_FACTOR = 3.0;

  /** About 3 km. */
  static final double LOCAL_JITTER_DEGREES = 0.03;

  /** Largest everyday amount, below the codec's default bound of 1,000,000 currency units. */
  static final double MAX_CRC = 950_000;

  /** The notes ATMs pay out. */
  static final double ATM_NOTE_CRC = 5_000;

  private static final double MIN_CRC = 300;
  private static final int MIN_ATM_NOTES = 2;

  /** A user's own devices: the first (the phone) pays most online purchases. */
  private static final double FIRST_DEVICE_SHARE = 0.85;

  /** Median price in a category relative to the typical purchase, in category order. */
  private static final double[] AMOUNT_FACTORS = {
    1.1, 0.9, 2.2, 5.0, 6.0, 2.0, 4.0, 2.5, 0.8, 0.8, 1.5, 3.0
  };

  /** Where web shops abroad are: the cities of the one country most such orders go to. */
  private static final List<City> ABROAD =
      CityCatalog.all().stream().filter(c -> c.country().equals("US")).toList();

  private final SplittableRandom rng;
  private final SimulatedTimeline timeline;
  private final Map<SyntheticUser, MesaSegment> segments;
  private final MerchantPicker merchants;
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();
  private final int[] atms =
      MerchantCatalog.indicesWhere(m -> m.category() == MerchantCategory.ATM_CASH);
  private final CategoryPrices prices =
      new CategoryPrices(
          AMOUNT_FACTORS, MIN_CRC, MAX_CRC, ATM_NOTE_CRC, MIN_ATM_NOTES, Amounts::wholeUnits);

  /** Trips are a pure function of the user, the week and a salt, so no state is kept. */
  private final WeekendTrips trips;

  private long paydayCacheDay = Long.MIN_VALUE;
  private boolean paydayCache;

  /**
   * @param segments the segment of every user, by the user
   */
  MesaSpending(
      SplittableRandom rng, SimulatedTimeline timeline, Map<SyntheticUser, MesaSegment> segments) {
    this.rng = rng;
    this.timeline = timeline;
    this.merchants = new MerchantPicker(rng);
    this.segments = segments;
    this.trips = new WeekendTrips(rng.nextLong());
  }

  @Override
  public PlannedEvent plan(UserState user, long atMicros, long order) {
    SyntheticUser profile = user.user;
    MesaSegment segment = segments.get(profile);
    long day = user.localDay(timeline.epochSecondAt(atMicros));
    boolean payday = segment.reach().paidFortnightly() && isPayday(day);
    int merchantIndex;
    if (payday && rng.nextDouble() < PAYDAY_CASH_SHARE) {
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
    City city = tripCity(profile, segment, day);
    double latitude = profile.homeLatitude();
    double longitude = profile.homeLongitude();
    if (channel == Channel.ONLINE && rng.nextDouble() < segment.reach().foreignOnlineShare()) {
      city = ABROAD.get(rng.nextInt(ABROAD.size()));
    }
    if (city != null) {
      latitude = city.latitude();
      longitude = city.longitude();
    } else {
      city = profile.homeCity();
    }
    return new PlannedEvent(
        atMicros,
        order,
        user,
        merchant,
        amountFor(user, merchant, payday),
        channel,
        channel == Channel.ONLINE
            ? EverydaySpending.ownDevice(user, FIRST_DEVICE_SHARE, rng)
            : null,
        city,
        latitude + jitter(),
        longitude + jitter(),
        null);
  }

  private double jitter() {
    return rng.nextDouble(-LOCAL_JITTER_DEGREES, LOCAL_JITTER_DEGREES);
  }

  /** The coastal city the user is spending a long weekend in on this local day, or null. */
  private City tripCity(SyntheticUser user, MesaSegment segment, long day) {
    int ticket = trips.ticket(user, segment.reach().tripShare(), day);
    return ticket == WeekendTrips.AT_HOME
        ? null
        : WeekendTrips.pick(MesaCities.coast(), ticket, user.homeCity());
  }

  /** The 15th and the month's last day, when pay arrives, and the day after each. */
  boolean isPayday(long day) {
    if (day != paydayCacheDay) {
      LocalDate date = LocalDate.ofEpochDay(day);
      int dayOfMonth = date.getDayOfMonth();
      paydayCacheDay = day;
      paydayCache =
          dayOfMonth == 15
              || dayOfMonth == 16
              || dayOfMonth == 1
              || dayOfMonth == date.lengthOfMonth();
    }
    return paydayCache;
  }

  private BigDecimal amountFor(UserState user, Merchant merchant, boolean payday) {
    MerchantCategory category = merchant.category();
    boolean payShop =
        payday && (category == MerchantCategory.GROCERY || category == MerchantCategory.ATM_CASH);
    return prices.price(user, category, payShop ? PAYDAY_FACTOR : 1, rng);
  }
}
