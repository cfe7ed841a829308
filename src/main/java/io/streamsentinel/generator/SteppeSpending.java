package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plans the everyday, legitimate transactions of the held-out {@link World#STEPPE} world, in whole
 * tenge. Unlike the other worlds: many payments at a till are made with the phone (a QR code or the
 * phone's wallet) and carry it as their device; rotation workers spend two weeks of four at an
 * oil-field town (always the same one), paying little there and only for food; office workers are
 * paid in two parts and spend some weekends at the lakes nearest home; large families do the week's
 * big shop at the bazaar on the weekend; families and pensioners go to celebrations (toi), for
 * which they draw cash for the envelope and buy a gift; cash comes in 1,000-tenge notes.
 */
final class SteppeSpending implements EverydaySpending {

  /** Share of purchases at a merchant that is not a favourite. */
  static final double NEW_MERCHANT_SHARE = 0.06;

  /** About 3 km. */
  static final double LOCAL_JITTER_DEGREES = 0.03;

  /** Largest everyday amount, below the codec's default bound of 1,000,000 currency units. */
  static final double MAX_KZT = 900_000;

  /** The notes withdrawals are made of. */
  static final double ATM_NOTE_KZT = 1_000;

  /** A rotation: this many days at the field town, then as many at home. */
  static final int SHIFT_DAYS = 14;

  private static final double MIN_KZT = 100;
  private static final int MIN_ATM_NOTES = 2;

  /** A user's own devices: the first (the phone) pays most online purchases. */
  private static final double FIRST_DEVICE_SHARE = 0.8;

  /** At the field town: food from the camp's shop and canteen, for less than at home. */
  private static final double FIELD_TOWN_FACTOR = 0.6;

  /**
   * On a celebration day: the chance that a purchase is the cash for the envelope, and its size.
   */
  private static final double TOI_CASH_SHARE = 0.25;

  private static final double TOI_CASH_FACTOR = 3;

  /** On a celebration day: the chance that a purchase is the gift, and its size. */
  private static final double TOI_GIFT_SHARE = 0.12;

  private static final double TOI_GIFT_FACTOR = 1.5;

  /** Median price in a category relative to the typical purchase, in category order. */
  private static final double[] AMOUNT_FACTORS = {
    1.0, 0.8, 2.5, 8.0, 6.0, 1.5, 6.0, 2.5, 0.8, 0.9, 1.2, 4.0
  };

  private final SplittableRandom rng;
  private final SimulatedTimeline timeline;
  private final Map<SyntheticUser, SteppeSegment> segments;
  private final MerchantPicker merchants;
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();
  private final int[] atms =
      MerchantCatalog.indicesWhere(m -> m.category() == MerchantCategory.ATM_CASH);
  private final int[] fieldTownShops =
      PatternPlacer.shops(
          Channel.CARD_PRESENT, EnumSet.of(MerchantCategory.GROCERY, MerchantCategory.RESTAURANTS));
  private final int[] giftShops =
      PatternPlacer.shops(
          Channel.CARD_PRESENT, EnumSet.of(MerchantCategory.JEWELRY, MerchantCategory.FASHION));
  private final CategoryPrices prices =
      new CategoryPrices(
          AMOUNT_FACTORS, MIN_KZT, MAX_KZT, ATM_NOTE_KZT, MIN_ATM_NOTES, Amounts::wholeUnits);

  /** Rotations and field towns: pure functions of the user and this salt. */
  private final long salt;

  private final WeekendTrips getaways;

  /** The weekends with a celebration, drawn as trips are, with a salt of their own. */
  private final WeekendTrips celebrations;

  private final DaysOfMonth daysOfMonth = new DaysOfMonth();

  /**
   * @param segments the segment of every user, by the user
   */
  SteppeSpending(
      SplittableRandom rng,
      SimulatedTimeline timeline,
      Map<SyntheticUser, SteppeSegment> segments) {
    this.rng = rng;
    this.timeline = timeline;
    this.merchants = new MerchantPicker(rng);
    this.segments = segments;
    this.salt = rng.nextLong();
    this.getaways = new WeekendTrips(salt);
    this.celebrations = new WeekendTrips(rng.nextLong());
  }

  @Override
  public PlannedEvent plan(UserState user, long atMicros, long order) {
    SyntheticUser profile = user.user;
    SteppeSegment segment = segments.get(profile);
    SteppeSegment.Ways ways = segment.ways();
    long day = user.localDay(timeline.epochSecondAt(atMicros));
    boolean atFieldTown = ways.rotation() && isAtFieldTown(profile, day);
    boolean payday = !atFieldTown && isPayday(segment.income(), day);
    boolean celebration =
        !atFieldTown
            && ways.toiShare() > 0
            && celebrations.ticket(profile, ways.toiShare(), day) != WeekendTrips.AT_HOME;
    double boost = 1;
    int merchantIndex;
    double draw = rng.nextDouble();
    if (atFieldTown) {
      merchantIndex = merchants.notFavouriteOf(user, fieldTownShops);
      boost = FIELD_TOWN_FACTOR;
    } else if (payday && draw < segment.income().payCashShare()) {
      merchantIndex = merchants.favouriteOf(user, atms);
    } else if (celebration && draw < TOI_CASH_SHARE) {
      merchantIndex = merchants.favouriteOf(user, atms);
      boost = TOI_CASH_FACTOR;
    } else if (celebration && draw < TOI_CASH_SHARE + TOI_GIFT_SHARE) {
      merchantIndex = merchants.notFavouriteOf(user, giftShops);
      boost = TOI_GIFT_FACTOR;
    } else if (rng.nextDouble() < NEW_MERCHANT_SHARE) {
      merchantIndex =
          merchants.notFavouriteOf(user, merchantsByCategory[segment.drawCategory(rng).ordinal()]);
    } else {
      merchantIndex = merchants.loyalFavourite(user, segment.loyalty());
    }
    user.visit(merchantIndex);
    Merchant merchant = MerchantCatalog.get(merchantIndex);
    MerchantCategory category = merchant.category();
    if (category == MerchantCategory.GROCERY || category == MerchantCategory.ATM_CASH) {
      if (payday) {
        boost *= segment.income().payBoost();
      } else if (category == MerchantCategory.GROCERY && isWeekend(day)) {
        boost *= ways.bazaarFactor();
      }
    }
    Channel channel = EverydaySpending.usualChannel(user, merchant, rng);
    BigDecimal amount = prices.price(user, category, boost, rng);
    City city = profile.homeCity();
    double latitude = profile.homeLatitude();
    double longitude = profile.homeLongitude();
    if (atFieldTown) {
      city = fieldTown(profile);
    } else if (ways.getawayShare() > 0
        && getaways.ticket(profile, ways.getawayShare(), day) != WeekendTrips.AT_HOME) {
      city = SteppeCities.nearestGetaway(profile.homeCity());
    }
    if (city != profile.homeCity()) {
      latitude = city.latitude();
      longitude = city.longitude();
    }
    String device = null;
    if (channel == Channel.ONLINE) {
      device = EverydaySpending.ownDevice(user, FIRST_DEVICE_SHARE, rng);
    } else if (channel == Channel.CARD_PRESENT && rng.nextDouble() < ways.phonePayShare()) {
      device = profile.deviceIds().get(0);
    }
    return new PlannedEvent(
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
  }

  /**
   * Whether the user works at the field town on this local day (days since 1970-01-01): the first
   * {@link #SHIFT_DAYS} of every four weeks of the user's own rotation.
   */
  boolean isAtFieldTown(SyntheticUser user, long day) {
    long phase = Math.floorMod(WeekendTrips.mix(~salt ^ user.userId().hashCode()), 2L * SHIFT_DAYS);
    return Math.floorMod(day + phase, 2L * SHIFT_DAYS) < SHIFT_DAYS;
  }

  /** The field town the user works at: always the same one. */
  City fieldTown(SyntheticUser user) {
    int ticket = (int) Math.floorMod(WeekendTrips.mix(salt ^ user.userId().hashCode()), 65_536L);
    return WeekendTrips.pick(SteppeCities.fieldTowns(), ticket, user.homeCity());
  }

  /** Whether pay or its advance arrives on this local day or arrived the day before. */
  boolean isPayday(SteppeSegment.Income income, long day) {
    int dayOfMonth = daysOfMonth.of(day);
    return dayOfMonth == income.payDay()
        || dayOfMonth == income.payDay() + 1
        || (income.advanceDay() > 0
            && (dayOfMonth == income.advanceDay() || dayOfMonth == income.advanceDay() + 1));
  }

  /** Saturday or Sunday (epoch day 0 was a Thursday). */
  static boolean isWeekend(long day) {
    int dayOfWeek = Math.floorMod(day, 7);
    return dayOfWeek == 2 || dayOfWeek == 3;
  }

  private double jitter() {
    return rng.nextDouble(-LOCAL_JITTER_DEGREES, LOCAL_JITTER_DEGREES);
  }
}
