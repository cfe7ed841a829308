package io.streamsentinel.generator;

import static io.streamsentinel.generator.Continent.ASIA;
import static io.streamsentinel.generator.MerchantCategory.ATM_CASH;
import static io.streamsentinel.generator.MerchantCategory.ELECTRONICS;
import static io.streamsentinel.generator.MerchantCategory.ENTERTAINMENT;
import static io.streamsentinel.generator.MerchantCategory.GIFT_CARDS;
import static io.streamsentinel.generator.MerchantCategory.ONLINE_SERVICES;
import static io.streamsentinel.generator.PatternClock.HOUR;
import static io.streamsentinel.generator.PatternClock.hours;
import static io.streamsentinel.generator.SimulatedTimeline.minutes;

import io.streamsentinel.domain.Channel;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * How each {@link SteppeFraudPattern} looks. The victim's own payments (a trial, a delivery fee, a
 * scammer's demands) come from the victim's phone at home in the victim's active hours; the
 * subscription's later charges in the merchant's billing run (04:00 to 07:00 of the victim's time);
 * the fraudsters' own use at the hours they work, in their own place. Two events of one occurrence
 * are always at least minutes apart. Every tell is one a detector could compute from the stream
 * alone against the victim's own history; how strong it is depends on the victim (an office worker
 * who buys online every day and flies now and then, a pensioner who never buys online, a rotation
 * worker who draws large sums).
 */
final class SteppePatternEvents {

  /** The token sums a trial costs, in tenge. */
  private static final double[] TRIAL_FEES_KZT = {99, 149, 199, 299};

  /** The weekly prices the trial turns into, in tenge. */
  private static final double[] WEEKLY_PRICES_KZT = {2_990, 3_990, 4_990, 6_990, 9_990};

  private static final double TRIAL_DAYS = 3;
  private static final double BILLING_DAYS = 7;
  private static final int BILLING_FROM = 4 * HOUR;
  private static final int BILLING_TO = 7 * HOUR;

  private static final City TASHKENT = new City("Tashkent", "UZ", 41.2995, 69.2401, 5, "UZS", ASIA);
  private static final City BISHKEK = new City("Bishkek", "KG", 42.8746, 74.5698, 6, "KGS", ASIA);
  private static final City ISTANBUL = CityCatalog.named("Istanbul").get(0);

  /** Where the fake travel agents book from. */
  private static final List<City> RESELLERS =
      List.of(
          SteppeCities.all().get(0),
          SteppeCities.all().get(1),
          SteppeCities.all().get(2),
          TASHKENT,
          BISHKEK,
          ISTANBUL);

  private static final double FARE_MEDIAN_KZT = 140_000;
  private static final double FARE_SIGMA = 0.5;
  private static final double FARE_MIN_KZT = 45_000;
  private static final double FARE_MAX_KZT = 450_000;
  private static final double SAME_SITE_SHARE = 0.7;
  private static final int AGENT_FROM = 8 * HOUR;
  private static final int AGENT_TO = 23 * HOUR;
  private static final double CITY_JITTER_DEGREES = 0.05;

  /** The redelivery fees the fake pages ask, in tenge. */
  private static final double[] DELIVERY_FEES_KZT = {290, 390, 490, 590, 990};

  /** Where the phishers use the card details; never the victim's own city. */
  private static final List<City> PHISHERS =
      List.of(
          SteppeCities.all().get(0), SteppeCities.all().get(2), SteppeCities.all().get(1), BISHKEK);

  private static final double GIFT_CARD_SHARE = 0.4;
  private static final double[] GIFT_CARD_VALUES_KZT = {10_000, 20_000, 30_000, 50_000};
  private static final double GOODS_MEDIAN_KZT = 60_000;
  private static final double GOODS_SIGMA = 0.6;
  private static final double GOODS_MIN_KZT = 10_000;
  private static final double GOODS_MAX_KZT = 350_000;

  /**
   * A city abroad whose ATMs still take a card's stripe, with that city's ATMs' largest withdrawal
   * in tenge (15,000 som, 2,000,000 sum, 20,000 baht, 2,500,000 rupiah, 6,000 lira, 500 dollars).
   */
  private record CashOut(City city, double largestKzt) {}

  private static final List<CashOut> CASH_OUTS =
      List.of(
          new CashOut(BISHKEK, 88_000),
          new CashOut(TASHKENT, 80_000),
          new CashOut(CityCatalog.named("Bangkok").get(0), 300_000),
          new CashOut(CityCatalog.named("Jakarta").get(0), 78_000),
          new CashOut(ISTANBUL, 80_000),
          new CashOut(CityCatalog.named("New York").get(0), 255_000));

  private static final double PART_WITHDRAWAL_SHARE = 0.25;
  private static final int CASH_OUT_FROM = 9 * HOUR;
  private static final int CASH_OUT_TO = 22 * HOUR;
  private static final double ATM_AREA_DEGREES = 0.04;

  private static final double FIRST_DEMAND_MIN_KZT = 20_000;
  private static final double MAX_DEMAND_KZT = 800_000;
  private static final double DEMAND_ROUNDING_KZT = 5_000;

  private final SplittableRandom rng;
  private final PatternClock clock;
  private final PatternPlacer placer;
  private final MerchantPicker merchants;
  private final PopulationDraws draws;
  private final int[] trialSites =
      PatternPlacer.shops(Channel.ONLINE, EnumSet.of(ENTERTAINMENT, ONLINE_SERVICES));
  private final int[] travelSites =
      PatternPlacer.named(Set.of("Expedia", "Booking.com", "Delta Air Lines"));
  private final int[] feePages = PatternPlacer.shops(Channel.ONLINE, EnumSet.of(ONLINE_SERVICES));
  private final int[] giftCards = MerchantCatalog.indicesWhere(m -> m.category() == GIFT_CARDS);
  private final int[] resellableGoods =
      PatternPlacer.shops(Channel.ONLINE, EnumSet.of(ELECTRONICS, ONLINE_SERVICES));
  private final int[] atms = MerchantCatalog.indicesWhere(m -> m.category() == ATM_CASH);
  private final int[] demandSites =
      IntStream.concat(
              IntStream.of(travelSites),
              IntStream.of(
                  PatternPlacer.shops(
                      Channel.ONLINE, EnumSet.of(GIFT_CARDS, ELECTRONICS, ONLINE_SERVICES))))
          .toArray();

  SteppePatternEvents(
      SplittableRandom rng, SimulatedTimeline timeline, Consumer<PlannedEvent> schedule) {
    this.rng = rng;
    this.clock = new PatternClock(rng, timeline);
    this.placer = new PatternPlacer(rng, schedule, SteppeSpending.LOCAL_JITTER_DEGREES);
    this.merchants = new MerchantPicker(rng);
    this.draws = new PopulationDraws(rng);
  }

  /**
   * The trial, 99-299 tenge at an online entertainment or service merchant new to the victim, from
   * the victim's phone at home in the victim's active hours; then 1-3 charges of one price of
   * 2,990-9,990 tenge at the same merchant, the first three days later and then weekly, each
   * between 04:00 and 07:00, at home, without a device.
   */
  void subscriptionTrap(UserState user, long now) {
    int merchant = merchants.newTo(user, trialSites);
    int count = rng.nextInt(2, 5);
    long signUp =
        clock.nextMomentWithin(
            user,
            now + hours(rng.nextDouble(0.5, 24)),
            user.activeStartSecond(),
            user.activeEndSecond());
    placer.placeAtHome(
        user,
        signUp,
        merchant,
        Amounts.wholeUnits(TRIAL_FEES_KZT[rng.nextInt(TRIAL_FEES_KZT.length)]),
        Channel.ONLINE,
        user.user.deviceIds().get(0),
        SteppeFraudPattern.SUBSCRIPTION_TRAP);
    double price = WEEKLY_PRICES_KZT[rng.nextInt(WEEKLY_PRICES_KZT.length)];
    for (int i = 1; i < count; i++) {
      long due = signUp + hours(24 * (TRIAL_DAYS + BILLING_DAYS * (i - 1)));
      placer.placeAtHome(
          user,
          clock.nextMomentWithin(user, due, BILLING_FROM, BILLING_TO),
          merchant,
          Amounts.wholeUnits(price),
          Channel.ONLINE,
          null,
          SteppeFraudPattern.SUBSCRIPTION_TRAP);
    }
  }

  /**
   * 1-3 tickets of one trip, 3-20 minutes apart between 08:00 and 23:00, from one new device in a
   * reseller's city: at travel sites new to the victim (mostly one site for the whole trip), each
   * within 6 % of one fare of 45,000-450,000 tenge.
   */
  void airlineTicketResale(UserState user, long now) {
    City city = RESELLERS.get(rng.nextInt(RESELLERS.size()));
    String device = UserFactory.deviceIdNotIn(user.user.deviceIds(), rng);
    int count = rng.nextInt(1, 4);
    double fare = draws.logNormal(FARE_MEDIAN_KZT, FARE_SIGMA, FARE_MIN_KZT, FARE_MAX_KZT);
    long at =
        clock.nextMomentWithin(user, now + hours(rng.nextDouble(1, 24)), AGENT_FROM, AGENT_TO);
    int merchant = merchants.newTo(user, travelSites);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        at += minutes(rng.nextDouble(3, 20));
        if (rng.nextDouble() >= SAME_SITE_SHARE) {
          merchant = merchants.newTo(user, travelSites);
        }
      }
      placer.place(
          user,
          at,
          merchant,
          Amounts.wholeUnits(fare * rng.nextDouble(0.94, 1.06)),
          Channel.ONLINE,
          device,
          city,
          city.latitude() + placer.jitter(CITY_JITTER_DEGREES),
          city.longitude() + placer.jitter(CITY_JITTER_DEGREES),
          SteppeFraudPattern.AIRLINE_TICKET_RESALE);
    }
  }

  /**
   * The fee, 290-990 tenge at an online service new to the victim, from the victim's phone at home
   * in the victim's active hours; then, 1-12 hours later, 1-3 purchases 5-40 minutes apart from one
   * new device in another city (Almaty, Shymkent, Astana or Bishkek): gift cards of 10,000-50,000
   * tenge, or electronics and marketplace goods of 10,000-350,000, at merchants new to the victim.
   */
  void parcelFeePhishing(UserState user, long now) {
    int count = rng.nextInt(2, 5);
    long at =
        clock.nextMomentWithin(
            user,
            now + hours(rng.nextDouble(0.5, 12)),
            user.activeStartSecond(),
            user.activeEndSecond());
    placer.placeAtHome(
        user,
        at,
        merchants.newTo(user, feePages),
        Amounts.wholeUnits(DELIVERY_FEES_KZT[rng.nextInt(DELIVERY_FEES_KZT.length)]),
        Channel.ONLINE,
        user.user.deviceIds().get(0),
        SteppeFraudPattern.PARCEL_FEE_PHISHING);
    City city = WeekendTrips.pick(PHISHERS, rng.nextInt(PHISHERS.size()), user.user.homeCity());
    String device = UserFactory.deviceIdNotIn(user.user.deviceIds(), rng);
    at += hours(rng.nextDouble(1, 12));
    for (int i = 1; i < count; i++) {
      boolean giftCard = rng.nextDouble() < GIFT_CARD_SHARE;
      placer.place(
          user,
          at,
          merchants.newTo(user, giftCard ? giftCards : resellableGoods),
          Amounts.wholeUnits(
              giftCard
                  ? GIFT_CARD_VALUES_KZT[rng.nextInt(GIFT_CARD_VALUES_KZT.length)]
                  : draws.logNormal(GOODS_MEDIAN_KZT, GOODS_SIGMA, GOODS_MIN_KZT, GOODS_MAX_KZT)),
          Channel.ONLINE,
          device,
          city,
          city.latitude() + placer.jitter(CITY_JITTER_DEGREES),
          city.longitude() + placer.jitter(CITY_JITTER_DEGREES),
          SteppeFraudPattern.PARCEL_FEE_PHISHING);
      at += minutes(rng.nextDouble(5, 40));
    }
  }

  /**
   * 2-5 withdrawals at ATMs new to the victim in one city abroad, 1-4 days on, starting between
   * 09:00 and 22:00 of that city's time and 5-25 minutes apart, each the city's largest withdrawal
   * (a quarter of them half of it) converted to tenge at a rate within 2 % and a fee of 1-2 %:
   * whole tenge, never round.
   */
  void skimmedCardAtmAbroad(UserState user, long now) {
    CashOut place = CASH_OUTS.get(rng.nextInt(CASH_OUTS.size()));
    City city = place.city();
    int count = rng.nextInt(2, 6);
    double rate = rng.nextDouble(0.98, 1.02);
    long at =
        clock.nextMomentWithin(
            city.utcOffset().getTotalSeconds(),
            now + hours(rng.nextDouble(24, 96)),
            CASH_OUT_FROM,
            CASH_OUT_TO);
    for (int i = 0; i < count; i++) {
      double local = rng.nextDouble() < PART_WITHDRAWAL_SHARE ? 0.5 : 1;
      double fee = 1 + rng.nextDouble(0.01, 0.02);
      placer.place(
          user,
          at,
          merchants.newTo(user, atms),
          Amounts.wholeUnits(place.largestKzt() * local * rate * fee),
          Channel.ATM,
          null,
          city,
          city.latitude() + placer.jitter(ATM_AREA_DEGREES),
          city.longitude() + placer.jitter(ATM_AREA_DEGREES),
          SteppeFraudPattern.SKIMMED_CARD_ATM_ABROAD);
      at += minutes(rng.nextDouble(5, 25));
    }
  }

  /**
   * 3-5 payments 1-4 days apart from the victim's phone at home in the victim's active hours, each
   * at an online merchant new to the victim (travel, gift cards, electronics, marketplaces), in
   * round 5,000s: the first 3-8 times the victim's typical purchase and at least 20,000 tenge, each
   * next 1.2-1.8 times the one before, at most 800,000.
   */
  void romanceScamPayments(UserState user, long now) {
    String phone = user.user.deviceIds().get(0);
    int count = rng.nextInt(3, 6);
    double demand = Math.max(FIRST_DEMAND_MIN_KZT, user.typical * rng.nextDouble(3, 8));
    long at = now + hours(rng.nextDouble(2, 48));
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        demand = Math.min(MAX_DEMAND_KZT, demand * rng.nextDouble(1.2, 1.8));
        at += hours(rng.nextDouble(24, 96));
      }
      at = clock.nextMomentWithin(user, at, user.activeStartSecond(), user.activeEndSecond());
      placer.placeAtHome(
          user,
          at,
          merchants.newTo(user, demandSites),
          Amounts.wholeUnits(Math.round(demand / DEMAND_ROUNDING_KZT) * DEMAND_ROUNDING_KZT),
          Channel.ONLINE,
          phone,
          SteppeFraudPattern.ROMANCE_SCAM_PAYMENTS);
    }
  }
}
