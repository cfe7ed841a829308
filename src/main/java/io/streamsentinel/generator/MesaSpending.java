package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.IdentityHashMap;
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

  /** A trip starts on the Friday (epoch day 1 was one) and lasts two to four days. */
  private static final int TRIP_FIRST_DAY = 1;

  private static final int TRIP_MIN_DAYS = 2;
  private static final int TRIP_DAY_CHOICES = 3;

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
  private final Map<SyntheticUser, MesaSegment> segments = new IdentityHashMap<>();
  private final MerchantPicker merchants;
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();
  private final int[] atms =
      MerchantCatalog.indicesWhere(m -> m.category() == MerchantCategory.ATM_CASH);

  /** Trips are a pure function of the user, the week and this salt, so no state is kept. */
  private final long tripSalt;

  private long paydayCacheDay = Long.MIN_VALUE;
  private boolean paydayCache;

  /**
   * @param users every user, in the order of {@code userSegments}
   * @param userSegments the segment of each user
   */
  MesaSpending(
      SplittableRandom rng,
      SimulatedTimeline timeline,
      List<SyntheticUser> users,
      MesaSegment[] userSegments) {
    if (users.size() != userSegments.length) {
      throw new IllegalArgumentException("one segment per user");
    }
    this.rng = rng;
    this.timeline = timeline;
    this.merchants = new MerchantPicker(rng);
    for (int i = 0; i < userSegments.length; i++) {
      segments.put(users.get(i), userSegments[i]);
    }
    this.tripSalt = rng.nextLong();
  }

  @Override
  public PlannedEvent plan(UserState user, long atMicros, long order) {
    SyntheticUser profile = user.user;
    MesaSegment segment = segments.get(profile);
    long day = localDay(user, atMicros);
    boolean payday = segment.reach().paidFortnightly() && isPayday(day);
    int merchantIndex;
    if (payday && rng.nextDouble() < PAYDAY_CASH_SHARE) {
      merchantIndex = merchants.favouriteOf(user, atms);
    } else if (rng.nextDouble() < NEW_MERCHANT_SHARE) {
      merchantIndex =
          merchants.notFavouriteOf(user, merchantsByCategory[segment.drawCategory(rng).ordinal()]);
    } else {
      merchantIndex = pickFavourite(user, segment);
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
        channel == Channel.ONLINE ? ownDevice(user) : null,
        city,
        latitude + jitter(),
        longitude + jitter(),
        null);
  }

  /** One of the user's own devices, the first most often. */
  String ownDevice(UserState user) {
    List<String> devices = user.user.deviceIds();
    return devices.size() == 1 || rng.nextDouble() < FIRST_DEVICE_SHARE
        ? devices.get(0)
        : devices.get(1 + rng.nextInt(devices.size() - 1));
  }

  double jitter() {
    return rng.nextDouble(-LOCAL_JITTER_DEGREES, LOCAL_JITTER_DEGREES);
  }

  /**
   * The coastal city the user is spending a long weekend in on this local day, or null when at
   * home. Whether a week has a trip, how long it is and where it goes follow from the user's id,
   * the week and a salt drawn once, so every event of a trip agrees without any state.
   */
  City tripCity(SyntheticUser user, MesaSegment segment, long day) {
    long week = Math.floorDiv(day - TRIP_FIRST_DAY, 7);
    int dayOfTrip = Math.floorMod(day - TRIP_FIRST_DAY, 7);
    long hash = mix(tripSalt ^ (user.userId().hashCode() * 0x9E37_79B9_7F4A_7C15L) ^ week);
    double draw = (hash >>> 11) * 0x1.0p-53;
    int length = TRIP_MIN_DAYS + (int) ((hash & 0xFF) % TRIP_DAY_CHOICES);
    if (draw >= segment.reach().tripShare() || dayOfTrip >= length) {
      return null;
    }
    List<City> coast = MesaCities.coast();
    int pick = (int) ((hash >>> 8 & 0xFFFF) % coast.size());
    City city = coast.get(pick);
    return city.equals(user.homeCity()) ? coast.get((pick + 1) % coast.size()) : city;
  }

  /** The user's local date at a clock reading, as days since 1970-01-01. */
  long localDay(UserState user, long atMicros) {
    return Math.floorDiv(timeline.epochSecondAt(atMicros) + user.offsetSeconds(), 86_400L);
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

  /** The first favourite with the segment's loyalty, else any favourite alike. */
  private int pickFavourite(UserState user, MesaSegment segment) {
    if (rng.nextDouble() < segment.ways().loyalty()) {
      return user.favourites[0];
    }
    return user.favourites[rng.nextInt(user.favourites.length)];
  }

  private BigDecimal amountFor(UserState user, Merchant merchant, boolean payday) {
    MerchantCategory category = merchant.category();
    double median = user.typical * AMOUNT_FACTORS[category.ordinal()];
    if (payday && (category == MerchantCategory.GROCERY || category == MerchantCategory.ATM_CASH)) {
      median *= PAYDAY_FACTOR;
    }
    double amount = median * Math.exp(user.user.amountSpread() * rng.nextGaussian());
    amount = Math.min(MAX_CRC, Math.max(MIN_CRC, amount));
    if (category == MerchantCategory.ATM_CASH) {
      long notes = Math.max(MIN_ATM_NOTES, Math.round(amount / ATM_NOTE_CRC));
      return Amounts.wholeUnits(notes * ATM_NOTE_CRC);
    }
    return Amounts.wholeUnits(amount);
  }

  /** The finaliser of MurmurHash3: spreads every input bit over the whole output. */
  private static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xFF51_AFD7_ED55_8CCDL;
    h ^= h >>> 33;
    h *= 0xC4CE_B9FE_1A85_EC53L;
    h ^= h >>> 33;
    return h;
  }
}
