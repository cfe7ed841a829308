package io.streamsentinel.generator;

import static io.streamsentinel.generator.MerchantCategory.ATM_CASH;
import static io.streamsentinel.generator.MerchantCategory.ELECTRONICS;
import static io.streamsentinel.generator.MerchantCategory.ENTERTAINMENT;
import static io.streamsentinel.generator.MerchantCategory.FASHION;
import static io.streamsentinel.generator.MerchantCategory.GIFT_CARDS;
import static io.streamsentinel.generator.MerchantCategory.GROCERY;
import static io.streamsentinel.generator.MerchantCategory.JEWELRY;
import static io.streamsentinel.generator.MerchantCategory.ONLINE_SERVICES;
import static io.streamsentinel.generator.MerchantCategory.TRAVEL;
import static io.streamsentinel.generator.PatternClock.HOUR;
import static io.streamsentinel.generator.PatternClock.hours;
import static io.streamsentinel.generator.SimulatedTimeline.minutes;

import io.streamsentinel.domain.Channel;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * How each {@link SavannaFraudPattern} looks. The card swap and the double swipe follow a genuine
 * payment of the victim's (they strike where the card was just used, at whatever hour that was);
 * the others keep to the day and evening (07:00 to 23:00) of the victim's time zone, with at least
 * minutes between two events of one occurrence. Every tell is one a detector could compute from the
 * stream alone against the victim's own history; how strong it is depends on the victim (a trader
 * who draws cash every day, a student who tops up games, a household whose relative abroad pays
 * online).
 */
final class SavannaPatternEvents {

  /** Kenyan ATMs pay out at most 40,000 shillings a withdrawal, in 1,000-shilling notes. */
  private static final int SWAP_MIN_THOUSANDS = 10;

  private static final int SWAP_MAX_THOUSANDS = 40;
  private static final double THOUSAND = 1_000;

  /** The thieves stay within about 1.5 km of the ATM where they took the card. */
  private static final double SWAP_AREA_DEGREES = 0.015;

  private static final double RESALE_MEDIAN_KES = 25_000;
  private static final double RESALE_SIGMA = 0.5;
  private static final double RESALE_MIN_KES = 5_000;
  private static final double RESALE_MAX_KES = 150_000;

  /** A second charge is for an ordinary sum: the genuine one's, give or take. */
  private static final double SECOND_CHARGE_MIN = 0.6;

  private static final double SECOND_CHARGE_MAX = 1.6;
  private static final double SAME_COUNTER_DEGREES = 0.0005;

  private static final int DAYTIME_FROM = 7 * HOUR;
  private static final int DAYTIME_TO = 23 * HOUR;

  private static final double ORDER_MEDIAN_KES = 14_000;
  private static final double ORDER_SIGMA = 0.6;
  private static final double ORDER_MIN_KES = 2_500;
  private static final double ORDER_MAX_KES = 150_000;
  private static final double CITY_JITTER_DEGREES = 0.05;

  /** Where the card details are used from abroad. */
  private static final List<City> FRAUD_ABROAD =
      CityCatalog.named("London", "Dubai", "Lagos", "Johannesburg", "Istanbul", "Warsaw");

  private static final int EVENING_FROM = 17 * HOUR;

  /** Top-up values the app and game stores sell, in shillings. */
  private static final double[] TOP_UPS_KES = {250, 500, 1_000, 1_500, 2_000};

  private static final double SMALL_ORDER_MEDIAN_KES = 1_200;
  private static final double SMALL_ORDER_SIGMA = 0.5;
  private static final double SMALL_ORDER_MAX_KES = 6_000;

  private static final double GOODS_MEDIAN_KES = 18_000;
  private static final double GOODS_SIGMA = 0.5;
  private static final double GOODS_MIN_KES = 5_000;
  private static final double GOODS_MAX_KES = 90_000;
  private static final double ADVERTISED_ROUNDING_KES = 100;
  private static final double FEE_ROUNDING_KES = 500;

  private final SplittableRandom rng;
  private final PatternClock clock;
  private final PatternPlacer placer;
  private final MerchantPicker merchants;
  private final PopulationDraws draws;
  private final int[] atms = MerchantCatalog.indicesWhere(m -> m.category() == ATM_CASH);
  private final int[] resaleShops =
      PatternPlacer.shops(Channel.CARD_PRESENT, EnumSet.of(ELECTRONICS, JEWELRY, GROCERY));
  private final int[] webShops =
      PatternPlacer.shops(
          Channel.ONLINE, EnumSet.of(ELECTRONICS, FASHION, ONLINE_SERVICES, TRAVEL));
  private final int[] topUps = MerchantCatalog.indicesWhere(m -> m.category() == GIFT_CARDS);
  private final int[] smallOrders =
      PatternPlacer.shops(Channel.ONLINE, EnumSet.of(ENTERTAINMENT, ONLINE_SERVICES));
  private final int[] marketplaces =
      PatternPlacer.shops(Channel.ONLINE, EnumSet.of(ELECTRONICS, ONLINE_SERVICES, FASHION));

  SavannaPatternEvents(
      SplittableRandom rng, SimulatedTimeline timeline, Consumer<PlannedEvent> schedule) {
    this.rng = rng;
    this.clock = new PatternClock(rng, timeline);
    this.placer = new PatternPlacer(rng, schedule, SavannaSpending.LOCAL_JITTER_DEGREES);
    this.merchants = new MerchantPicker(rng);
    this.draws = new PopulationDraws(rng);
  }

  /**
   * 2-5 events within about 2 hours of the victim's own withdrawal {@code taken}, within 1.5 km of
   * it: first one or two withdrawals of 10,000-40,000 shillings at other ATMs, 4-25 minutes apart,
   * then goods that resell (phones, jewellery, supermarket goods) at 5,000-150,000 shillings.
   */
  void atmCardSwap(PlannedEvent taken) {
    UserState user = taken.user();
    int count = rng.nextInt(2, 6);
    int withdrawals = Math.min(count, rng.nextInt(1, 3));
    long at = taken.atMicros();
    for (int i = 0; i < count; i++) {
      boolean cash = i < withdrawals;
      at += cash ? minutes(rng.nextDouble(4, 25)) : minutes(rng.nextDouble(10, 40));
      int merchant = merchants.newTo(user, cash ? atms : resaleShops);
      placer.place(
          user,
          at,
          merchant,
          cash
              ? Amounts.wholeUnits(
                  rng.nextInt(SWAP_MIN_THOUSANDS, SWAP_MAX_THOUSANDS + 1) * THOUSAND)
              : Amounts.wholeUnits(
                  draws.logNormal(RESALE_MEDIAN_KES, RESALE_SIGMA, RESALE_MIN_KES, RESALE_MAX_KES)),
          cash ? Channel.ATM : Channel.CARD_PRESENT,
          null,
          taken.city(),
          taken.latitude() + placer.jitter(SWAP_AREA_DEGREES),
          taken.longitude() + placer.jitter(SWAP_AREA_DEGREES),
          SavannaFraudPattern.ATM_CARD_SWAP);
    }
  }

  /**
   * 1-2 more charges at the merchant and place of the genuine payment {@code genuine}, 3-25 minutes
   * after it, each 0.6-1.6 times its amount.
   */
  void staffDoubleSwipe(PlannedEvent genuine) {
    UserState user = genuine.user();
    int count = rng.nextInt(1, 3);
    long at = genuine.atMicros();
    double amount = genuine.amount().doubleValue();
    int merchant = MerchantCatalog.indexOf(genuine.merchant());
    for (int i = 0; i < count; i++) {
      at += minutes(rng.nextDouble(3, 25));
      placer.place(
          user,
          at,
          merchant,
          Amounts.wholeUnits(amount * rng.nextDouble(SECOND_CHARGE_MIN, SECOND_CHARGE_MAX)),
          Channel.CARD_PRESENT,
          null,
          genuine.city(),
          genuine.latitude() + placer.jitter(SAME_COUNTER_DEGREES),
          genuine.longitude() + placer.jitter(SAME_COUNTER_DEGREES),
          SavannaFraudPattern.STAFF_DOUBLE_SWIPE);
    }
  }

  /**
   * 2-5 orders at web shops new to the victim, from one new device in one city abroad, 15-150
   * minutes apart between 07:00 and 23:00 of the victim's time, each 2,500-150,000 shillings.
   */
  void crossBorderRemotePurchase(UserState user, long now) {
    City city = FRAUD_ABROAD.get(rng.nextInt(FRAUD_ABROAD.size()));
    String device = UserFactory.deviceIdNotIn(user.user.deviceIds(), rng);
    int count = rng.nextInt(2, 6);
    long at = now + hours(rng.nextDouble(1, 24));
    for (int i = 0; i < count; i++) {
      at = clock.nextMomentWithin(user, at, DAYTIME_FROM, DAYTIME_TO);
      placer.place(
          user,
          at,
          merchants.newTo(user, webShops),
          Amounts.wholeUnits(
              draws.logNormal(ORDER_MEDIAN_KES, ORDER_SIGMA, ORDER_MIN_KES, ORDER_MAX_KES)),
          Channel.ONLINE,
          device,
          city,
          city.latitude() + placer.jitter(CITY_JITTER_DEGREES),
          city.longitude() + placer.jitter(CITY_JITTER_DEGREES),
          SavannaFraudPattern.CROSS_BORDER_REMOTE_PURCHASE);
      at += minutes(rng.nextDouble(15, 150));
    }
  }

  /**
   * 2-6 small online payments from one device new to the victim, at home, between 17:00 and 23:00
   * on evenings 0-2 days apart: app and game store top-ups of 250-2,000 shillings, or streaming and
   * small orders of at most 6,000.
   */
  void knownPersonCardMisuse(UserState user, long now) {
    String device = UserFactory.deviceIdNotIn(user.user.deviceIds(), rng);
    int count = rng.nextInt(2, 7);
    long at = now + hours(rng.nextDouble(0, 24));
    for (int i = 0; i < count; i++) {
      at = clock.nextMomentWithin(user, at, EVENING_FROM, DAYTIME_TO);
      boolean topUp = rng.nextDouble() < 0.6;
      placer.placeAtHome(
          user,
          at,
          topUp ? topUps[rng.nextInt(topUps.length)] : smallOrders[rng.nextInt(smallOrders.length)],
          topUp
              ? Amounts.wholeUnits(TOP_UPS_KES[rng.nextInt(TOP_UPS_KES.length)])
              : Amounts.wholeUnits(
                  draws.logNormal(
                      SMALL_ORDER_MEDIAN_KES,
                      SMALL_ORDER_SIGMA,
                      TOP_UPS_KES[0],
                      SMALL_ORDER_MAX_KES)),
          Channel.ONLINE,
          device,
          SavannaFraudPattern.KNOWN_PERSON_CARD_MISUSE);
      at += hours(rng.nextDouble(0.5, 48));
    }
  }

  /**
   * The goods, 5,000-90,000 shillings in round hundreds, at an online merchant new to the victim,
   * from the victim's phone at home in the victim's active hours; then 0-2 fees of 1,000-6,000
   * shillings in round five hundreds at the same merchant, 1-3 days apart.
   */
  void onlinePurchaseScam(UserState user, long now) {
    int merchant = merchants.newTo(user, marketplaces);
    String phone = user.user.deviceIds().get(0);
    int count = rng.nextInt(1, 4);
    long at = now + hours(rng.nextDouble(0.5, 24));
    for (int i = 0; i < count; i++) {
      at = clock.nextMomentWithin(user, at, user.activeStartSecond(), user.activeEndSecond());
      double amount =
          i == 0
              ? rounded(
                  draws.logNormal(GOODS_MEDIAN_KES, GOODS_SIGMA, GOODS_MIN_KES, GOODS_MAX_KES),
                  ADVERTISED_ROUNDING_KES)
              : rounded(rng.nextDouble(1_000, 6_000), FEE_ROUNDING_KES);
      placer.placeAtHome(
          user,
          at,
          merchant,
          Amounts.wholeUnits(amount),
          Channel.ONLINE,
          phone,
          SavannaFraudPattern.ONLINE_PURCHASE_SCAM);
      at += hours(rng.nextDouble(24, 72));
    }
  }

  private static double rounded(double amount, double unit) {
    return Math.round(amount / unit) * unit;
  }
}
