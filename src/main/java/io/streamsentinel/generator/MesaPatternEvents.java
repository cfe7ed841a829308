package io.streamsentinel.generator;

import static io.streamsentinel.generator.MerchantCategory.ATM_CASH;
import static io.streamsentinel.generator.MerchantCategory.ELECTRONICS;
import static io.streamsentinel.generator.MerchantCategory.FASHION;
import static io.streamsentinel.generator.MerchantCategory.FUEL;
import static io.streamsentinel.generator.MerchantCategory.JEWELRY;
import static io.streamsentinel.generator.MerchantCategory.ONLINE_SERVICES;
import static io.streamsentinel.generator.MerchantCategory.RESTAURANTS;
import static io.streamsentinel.generator.PatternClock.DAY;
import static io.streamsentinel.generator.PatternClock.HOUR;
import static io.streamsentinel.generator.PatternClock.hours;
import static io.streamsentinel.generator.SimulatedTimeline.minutes;

import io.streamsentinel.domain.Channel;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * How each {@link MesaFraudPattern} looks. Everything happens in the victim's own country and, but
 * for the express kidnapping's withdrawals just after midnight, between 06:00 and midnight local
 * time (every user of this world is on one offset), with at least minutes between two events of one
 * occurrence. Every tell is one a detector could compute from the stream alone against the victim's
 * own history; how strong it is depends on the victim (a shopkeeper who fills the van every day, a
 * shift worker who pays late at night, an expatriate who travels).
 */
final class MesaPatternEvents {

  /** A fuel run keeps to the day: it starts by 10:00 so its last stop is made before 22:00. */
  private static final int FUEL_FROM = 6 * HOUR;

  private static final int FUEL_LAST_START = 10 * HOUR;

  /** Two highways out of the plateau, as indices into {@link MesaCities#all()}. */
  private static final int[][] HIGHWAYS = {
    {5, 6, 1, 2, 0, 4, 3, 8}, // Liberia - Puntarenas - Alajuela - ... - Cartago - San Isidro
    {9, 1, 2, 0, 10, 7} // Ciudad Quesada - Alajuela - Heredia - San José - Guápiles - Limón
  };

  private static final double FUEL_MEDIAN_CRC = 55_000;
  private static final double FUEL_SIGMA = 0.3;
  private static final double FUEL_MIN_CRC = 30_000;
  private static final double FUEL_MAX_CRC = 120_000;

  private static final double DEPOSIT_ROUNDING_CRC = 5_000;
  private static final double MIN_DEPOSIT_CRC = 10_000;

  private static final int BUYERS_FROM = 7 * HOUR;
  private static final double RIDE_MEDIAN_CRC = 5_000;
  private static final double MEAL_MEDIAN_CRC = 9_000;
  private static final double STAY_MEDIAN_CRC = 45_000;
  private static final double SERVICE_SIGMA = 0.4;
  private static final double STAY_SHARE = 0.12;
  private static final double CITY_JITTER_DEGREES = 0.04;

  private static final int SHOP_FROM = 10 * HOUR;
  private static final int SHOP_LAST_START = 19 * HOUR;

  /** Review limits a complicit merchant splits a sale under. */
  private static final double[] REVIEW_LIMITS_CRC = {50_000, 100_000, 150_000};

  private static final double SAME_SHOP_DEGREES = 0.002;
  private static final double AT_HOME_CITY_SHARE = 0.5;

  /**
   * The evening a kidnapping starts in: 20:30 to 22:40, so that even four withdrawals before
   * midnight (three gaps of at most 20 minutes) leave the next one within the half hour after it.
   */
  private static final int TAKEN_FROM = 20 * HOUR + 1_800;

  private static final int TAKEN_LAST_START = 22 * HOUR + 2_400;

  /** After midnight the first withdrawal is made within 30 minutes, when the limit has reset. */
  private static final int AFTER_MIDNIGHT = 30 * 60;

  private static final double ATM_NOTE_CRC = 10_000;
  private static final double AWAY_MIN_DEGREES = 0.02;
  private static final double AWAY_MAX_DEGREES = 0.07;
  private static final double ATM_HOP_DEGREES = 0.015;

  private final SplittableRandom rng;
  private final PatternClock clock;
  private final PatternPlacer placer;
  private final MerchantPicker merchants;
  private final int[] fuelStations = MerchantCatalog.indicesWhere(m -> m.category() == FUEL);
  private final int[] platforms =
      MerchantCatalog.indicesWhere(
          m -> m.category() == ONLINE_SERVICES && m.typicalChannel() == Channel.ONLINE);
  private final int[] rides = PatternPlacer.named(Set.of("Uber"));
  private final int[] meals = PatternPlacer.named(Set.of("Deliveroo"));
  private final int[] stays = PatternPlacer.named(Set.of("Airbnb", "Booking.com"));
  private final int[] terminals =
      MerchantCatalog.indicesWhere(
          m ->
              m.typicalChannel() == Channel.CARD_PRESENT
                  && EnumSet.of(ELECTRONICS, JEWELRY, FASHION, RESTAURANTS).contains(m.category()));
  private final int[] atms = MerchantCatalog.indicesWhere(m -> m.category() == ATM_CASH);

  MesaPatternEvents(
      SplittableRandom rng, SimulatedTimeline timeline, Consumer<PlannedEvent> schedule) {
    this.rng = rng;
    this.clock = new PatternClock(rng, timeline);
    this.placer = new PatternPlacer(rng, schedule, MesaSpending.LOCAL_JITTER_DEGREES);
    this.merchants = new MerchantPicker(rng);
  }

  /** 3-7 full tanks at new stations along a highway, 30-120 minutes apart, by day. */
  void clonedCardFuelRun(UserState user, long now) {
    int[] highway = HIGHWAYS[rng.nextInt(HIGHWAYS.length)];
    int position = rng.nextInt(highway.length);
    int step = rng.nextBoolean() ? 1 : -1;
    int count = rng.nextInt(3, 8);
    long at =
        clock.nextMomentWithin(
            user, now + hours(rng.nextDouble(0, 12)), FUEL_FROM, FUEL_LAST_START);
    for (int i = 0; i < count; i++) {
      City city = MesaCities.all().get(highway[position]);
      double tank = FUEL_MEDIAN_CRC * Math.exp(FUEL_SIGMA * rng.nextGaussian());
      placer.place(
          user,
          at,
          merchants.newTo(user, fuelStations),
          Amounts.wholeUnits(Math.min(FUEL_MAX_CRC, Math.max(FUEL_MIN_CRC, tank))),
          Channel.CARD_PRESENT,
          null,
          city,
          city.latitude() + placer.jitter(MesaSpending.LOCAL_JITTER_DEGREES),
          city.longitude() + placer.jitter(MesaSpending.LOCAL_JITTER_DEGREES),
          MesaFraudPattern.CLONED_CARD_FUEL_RUN);
      if (rng.nextDouble() < 0.6) {
        if (position + step < 0 || position + step >= highway.length) {
          step = -step;
        }
        position += step;
      }
      at += minutes(rng.nextDouble(30, 120));
    }
  }

  /**
   * 3-6 deposits at one platform new to the victim, from the victim's phone at home in their active
   * hours, 12-72 hours apart, the first 1.5-4 times the typical purchase and each after it 1.5-2.5
   * times the one before, in round thousands of colones.
   */
  void investmentScamDeposits(UserState user, long now) {
    int platform = merchants.newTo(user, platforms);
    String phone = user.user.deviceIds().get(0);
    int count = rng.nextInt(3, 7);
    double deposit = Math.max(MIN_DEPOSIT_CRC, user.typical * rng.nextDouble(1.5, 4));
    double growth = rng.nextDouble(1.5, 2.5);
    long at = now + hours(rng.nextDouble(1, 24));
    for (int i = 0; i < count; i++) {
      at = clock.nextMomentWithin(user, at, user.activeStartSecond(), user.activeEndSecond());
      double rounded =
          Math.round(Math.min(MesaSpending.MAX_CRC, deposit) / DEPOSIT_ROUNDING_CRC)
              * DEPOSIT_ROUNDING_CRC;
      placer.placeAtHome(
          user,
          at,
          platform,
          Amounts.wholeUnits(rounded),
          Channel.ONLINE,
          phone,
          MesaFraudPattern.INVESTMENT_SCAM_DEPOSITS);
      deposit *= growth;
      at += hours(rng.nextDouble(12, 72));
    }
  }

  /**
   * 4-10 rides, meals and the odd stay booked from one or two new devices in a Central Valley city,
   * 20 minutes to 10 hours apart between 07:00 and midnight, each priced by the service.
   */
  void discountedServicesResale(UserState user, long now) {
    City city = MesaCities.drawCentral(rng);
    List<String> devices =
        List.of(
            UserFactory.deviceIdNotIn(user.user.deviceIds(), rng),
            UserFactory.deviceIdNotIn(user.user.deviceIds(), rng));
    int sellers = rng.nextInt(1, 3);
    int count = rng.nextInt(4, 11);
    long at = now + hours(rng.nextDouble(0, 12));
    for (int i = 0; i < count; i++) {
      at = clock.nextMomentWithin(user, at, BUYERS_FROM, DAY);
      double service = rng.nextDouble();
      int merchant;
      double median;
      if (service < STAY_SHARE) {
        merchant = stays[rng.nextInt(stays.length)];
        median = STAY_MEDIAN_CRC;
      } else if (service < (1 + STAY_SHARE) / 2) {
        merchant = rides[rng.nextInt(rides.length)];
        median = RIDE_MEDIAN_CRC;
      } else {
        merchant = meals[rng.nextInt(meals.length)];
        median = MEAL_MEDIAN_CRC;
      }
      placer.place(
          user,
          at,
          merchant,
          Amounts.wholeUnits(median * Math.exp(SERVICE_SIGMA * rng.nextGaussian())),
          Channel.ONLINE,
          devices.get(rng.nextInt(sellers)),
          city,
          city.latitude() + placer.jitter(CITY_JITTER_DEGREES),
          city.longitude() + placer.jitter(CITY_JITTER_DEGREES),
          MesaFraudPattern.DISCOUNTED_SERVICES_RESALE);
      at += minutes(rng.nextDouble(20, 600));
    }
  }

  /**
   * 2-6 sales at one card-present shop new to the victim, 3-25 minutes apart in shop hours, each
   * 72-99.5 % of a review limit of 50,000, 100,000 or 150,000 colones.
   */
  void collusiveMerchantSplitSale(UserState user, long now) {
    City city =
        rng.nextDouble() < AT_HOME_CITY_SHARE ? user.user.homeCity() : MesaCities.drawHome(rng);
    double latitude = city.latitude() + placer.jitter(CITY_JITTER_DEGREES);
    double longitude = city.longitude() + placer.jitter(CITY_JITTER_DEGREES);
    int terminal = merchants.newTo(user, terminals);
    double limit = REVIEW_LIMITS_CRC[rng.nextInt(REVIEW_LIMITS_CRC.length)];
    int count = rng.nextInt(2, 7);
    long at =
        clock.nextMomentWithin(
            user, now + hours(rng.nextDouble(0, 24)), SHOP_FROM, SHOP_LAST_START);
    for (int i = 0; i < count; i++) {
      placer.place(
          user,
          at,
          terminal,
          Amounts.wholeUnits(limit * rng.nextDouble(0.72, 0.995)),
          Channel.CARD_PRESENT,
          null,
          city,
          latitude + placer.jitter(SAME_SHOP_DEGREES),
          longitude + placer.jitter(SAME_SHOP_DEGREES),
          MesaFraudPattern.COLLUSIVE_MERCHANT_SPLIT_SALE);
      at += minutes(rng.nextDouble(3, 25));
    }
  }

  /**
   * 2-5 withdrawals of 50,000-200,000 colones in 10,000-colón notes at ATMs 2-8 km from home in the
   * home city, 8-20 minutes apart: from the evening to midnight, then one or two more within the
   * first hour after it.
   */
  void expressKidnapping(UserState user, long now) {
    PatternPlacer.Spot spot = placer.awayFromHome(user, AWAY_MIN_DEGREES, AWAY_MAX_DEGREES);
    double latitude = spot.latitude();
    double longitude = spot.longitude();
    int count = rng.nextInt(2, 6);
    int afterMidnight = count == 2 ? 1 : rng.nextInt(1, 3);
    long at =
        clock.nextMomentWithin(
            user, now + hours(rng.nextDouble(0, 24)), TAKEN_FROM, TAKEN_LAST_START);
    for (int i = 0; i < count; i++) {
      if (i == count - afterMidnight) {
        at = Math.max(at, clock.nextMomentWithin(user, at, 0, AFTER_MIDNIGHT));
      }
      latitude += placer.jitter(ATM_HOP_DEGREES);
      longitude += placer.jitter(ATM_HOP_DEGREES);
      placer.place(
          user,
          at,
          atms[rng.nextInt(atms.length)],
          Amounts.wholeUnits(rng.nextInt(5, 21) * ATM_NOTE_CRC),
          Channel.ATM,
          null,
          user.user.homeCity(),
          latitude,
          longitude,
          MesaFraudPattern.EXPRESS_KIDNAPPING);
      at += minutes(rng.nextDouble(8, 20));
    }
  }
}
