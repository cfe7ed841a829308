package io.streamsentinel.generator;

import static io.streamsentinel.generator.MerchantCategory.ATM_CASH;
import static io.streamsentinel.generator.MerchantCategory.ELECTRONICS;
import static io.streamsentinel.generator.MerchantCategory.ENTERTAINMENT;
import static io.streamsentinel.generator.MerchantCategory.FASHION;
import static io.streamsentinel.generator.MerchantCategory.GIFT_CARDS;
import static io.streamsentinel.generator.MerchantCategory.GROCERY;
import static io.streamsentinel.generator.MerchantCategory.JEWELRY;
import static io.streamsentinel.generator.MerchantCategory.ONLINE_SERVICES;
import static io.streamsentinel.generator.MerchantCategory.PHARMACY;
import static io.streamsentinel.generator.PatternClock.hours;
import static io.streamsentinel.generator.SimulatedTimeline.minutes;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * How each {@link HarborFraudPattern} looks. All of it happens between 07:00 and midnight local
 * time (every user of this world is on one offset). As in the default world, every signal is one a
 * detector could compute from the stream alone against the victim's own history (a new city, new
 * merchants, a new device, amounts, counts per hours, a device shared across cards); none is a tiny
 * amount, a burst within a minute, another continent or the dead of night.
 */
final class HarborPatternEvents {

  private static final int HOUR = PatternClock.HOUR;
  private static final int SHOPS_OPEN = 10 * HOUR;
  private static final int SHOPS_CLOSE = 20 * HOUR;
  private static final int DAY_START = 8 * HOUR;
  private static final int DAY_END = 23 * HOUR;

  /** Longer than an ATM run (7 gaps of at most 30 minutes) or a spree (at most 3 hours). */
  private static final int LONGEST_RUN = 4 * HOUR;

  private static final double OTHER_CITY_MIN_KM = 150;
  private static final double ATM_AREA_DEGREES = 0.12; // neighbouring districts, about 13 km
  private static final double ATM_NOTE_YEN = 10_000;
  private static final double MAX_FACTOR = 8;
  private static final double GOODS_PRICE_SIGMA = 0.6;
  private static final double[] SPREE_AMOUNTS_YEN = {3_000, 5_000, 10_000, 20_000, 30_000};

  /** Scanning for a compromised merchant's customers stops here, to bound the work per spree. */
  private static final int MAX_SPREE_SCAN = 20_000;

  private final SplittableRandom rng;
  private final PatternClock clock;
  private final UserState[] users;
  private final PatternPlacer placer;
  private final MerchantPicker merchants;
  private final int[] inPersonShops =
      MerchantCatalog.indicesWhere(
          m ->
              m.typicalChannel() == Channel.CARD_PRESENT
                  && EnumSet.of(GROCERY, PHARMACY, FASHION, ELECTRONICS, JEWELRY)
                      .contains(m.category()));
  private final int[] resaleShops =
      MerchantCatalog.indicesWhere(
          m -> EnumSet.of(ELECTRONICS, FASHION, JEWELRY, ONLINE_SERVICES).contains(m.category()));
  private final int[] webShops = MerchantCatalog.indicesWhere(m -> m.category().sellsOnline());
  private final int[] atms = MerchantCatalog.indicesWhere(m -> m.category() == ATM_CASH);
  private final int[] digitalGoods =
      MerchantCatalog.indicesWhere(
          m ->
              m.category() == GIFT_CARDS
                  || (m.category() == ENTERTAINMENT && m.typicalChannel() == Channel.ONLINE));
  private final int[] everyShop = MerchantCatalog.indicesWhere(m -> m.category() != ATM_CASH);

  HarborPatternEvents(
      SplittableRandom rng,
      SimulatedTimeline timeline,
      UserState[] users,
      Consumer<PlannedEvent> schedule) {
    this.rng = rng;
    this.clock = new PatternClock(rng, timeline);
    this.users = users;
    this.placer = new PatternPlacer(rng, schedule, HarborSpending.LOCAL_JITTER_DEGREES);
    this.merchants = new MerchantPicker(rng);
  }

  /** 2-5 in-person payments in a city 150+ km from home, over 2-6 hours of shop hours. */
  void counterfeitCardPresent(UserState user, long now) {
    SyntheticUser profile = user.user;
    City city =
        HarborCities.farFrom(
            profile.homeLatitude(), profile.homeLongitude(), OTHER_CITY_MIN_KM, rng);
    int count = rng.nextInt(2, 6);
    double spanHours = rng.nextDouble(2, 6);
    long span = hours(spanHours);
    // Started early enough that the last purchase is made before the shops close.
    long start =
        clock.nextMomentWithin(
            user,
            now + hours(rng.nextDouble(0, 6)),
            SHOPS_OPEN,
            SHOPS_CLOSE - (int) (spanHours * HOUR));
    for (int i = 0; i < count; i++) {
      // A first ordinary purchase checks that the copy works; then the goods worth stealing.
      double factor = i == 0 ? rng.nextDouble(0.8, 1.5) : rng.nextDouble(2, 6);
      int merchant = merchants.newTo(user, inPersonShops);
      placer.place(
          user,
          spread(start, span, i, count),
          merchant,
          Amounts.wholeUnitsUp(user.typical * factor),
          Channel.CARD_PRESENT,
          null,
          city,
          city.latitude() + placer.jitter(HarborSpending.LOCAL_JITTER_DEGREES),
          city.longitude() + placer.jitter(HarborSpending.LOCAL_JITTER_DEGREES),
          HarborFraudPattern.COUNTERFEIT_CARD_PRESENT);
    }
  }

  /** 3-5 online purchases from a new device, 2-8 hours apart in active hours, each larger. */
  void lowAndSlowTakeover(UserState user, long now) {
    String device = UserFactory.deviceIdNotIn(user.user.deviceIds(), rng);
    int count = rng.nextInt(3, 6);
    double factor = rng.nextDouble(0.8, 1.5);
    double growth = rng.nextDouble(1.4, 1.9);
    long at = now + hours(rng.nextDouble(0.5, 3));
    for (int i = 0; i < count; i++) {
      at = clock.nextMomentWithin(user, at, user.activeStartSecond(), user.activeEndSecond());
      double amount = user.typical * Math.min(MAX_FACTOR, factor * Math.pow(growth, i));
      int merchant = merchants.newTo(user, webShops);
      addOnlineAtHome(
          user,
          at,
          merchant,
          Amounts.wholeUnitsUp(amount),
          device,
          HarborFraudPattern.LOW_AND_SLOW_TAKEOVER);
      at += hours(rng.nextDouble(2, 8));
    }
  }

  /** 3-6 online orders of resellable goods from one new device, spread over the day. */
  void triangulation(UserState user, long now) {
    String device = UserFactory.deviceIdNotIn(user.user.deviceIds(), rng);
    int count = rng.nextInt(3, 7);
    long at = now + minutes(rng.nextDouble(0, 60));
    for (int i = 0; i < count; i++) {
      at = clock.nextMomentWithin(user, at, DAY_START, DAY_END);
      int merchant = merchants.newTo(user, resaleShops);
      addOnlineAtHome(
          user,
          at,
          merchant,
          goodsPrice(MerchantCatalog.get(merchant).category()),
          device,
          HarborFraudPattern.TRIANGULATION_RESHIPPING);
      at += hours(rng.nextDouble(1, 5));
    }
  }

  /** 4-8 ATM withdrawals of 20,000-50,000 yen, 8-30 minutes apart, across nearby districts. */
  void atmCashOut(UserState user, long now) {
    SyntheticUser profile = user.user;
    int count = rng.nextInt(4, 9);
    long at =
        clock.nextMomentWithin(
            user, now + minutes(rng.nextDouble(0, 120)), DAY_START, DAY_END - LONGEST_RUN);
    for (int i = 0; i < count; i++) {
      placer.place(
          user,
          at,
          atms[rng.nextInt(atms.length)],
          Amounts.wholeUnits(rng.nextInt(2, 6) * ATM_NOTE_YEN),
          Channel.ATM,
          null,
          profile.homeCity(),
          profile.homeLatitude() + placer.jitter(ATM_AREA_DEGREES),
          profile.homeLongitude() + placer.jitter(ATM_AREA_DEGREES),
          HarborFraudPattern.ATM_CASH_OUT);
      at += minutes(rng.nextDouble(8, 30));
    }
  }

  /**
   * 5-12 victims, customers of one compromised merchant where there are enough (others otherwise,
   * so that the fraud rate holds), each one purchase of the same round amount at one digital-goods
   * merchant from one device, over 30-180 minutes.
   */
  void compromisedMerchantSpree(long now) {
    int compromised = everyShop[rng.nextInt(everyShop.length)];
    int cashOut = digitalGoods[rng.nextInt(digitalGoods.length)];
    String device = UserFactory.deviceId(rng);
    BigDecimal amount =
        Amounts.wholeUnits(SPREE_AMOUNTS_YEN[rng.nextInt(SPREE_AMOUNTS_YEN.length)]);
    UserState[] victims = spreeVictims(compromised, rng.nextInt(5, 13));
    long start =
        clock.nextMomentWithin(
            victims[0], now + minutes(rng.nextDouble(0, 30)), DAY_START, DAY_END - LONGEST_RUN);
    long span = minutes(rng.nextDouble(30, 180));
    for (int i = 0; i < victims.length; i++) {
      addOnlineAtHome(
          victims[i],
          spread(start, span, i, victims.length),
          cashOut,
          amount,
          device,
          HarborFraudPattern.COMPROMISED_MERCHANT_SPREE);
    }
  }

  private UserState[] spreeVictims(int merchant, int wanted) {
    int count = Math.min(wanted, users.length);
    UserState[] victims = new UserState[count];
    boolean[] taken = new boolean[users.length];
    int found = 0;
    int first = rng.nextInt(users.length);
    int scan = Math.min(users.length, MAX_SPREE_SCAN);
    for (int i = 0; i < scan && found < count; i++) {
      int index = (first + i) % users.length;
      if (users[index].hasVisited(merchant)) {
        taken[index] = true;
        victims[found++] = users[index];
      }
    }
    for (int i = 0; found < count; i++) {
      int index = (first + scan + i) % users.length;
      if (!taken[index]) {
        taken[index] = true;
        victims[found++] = users[index];
      }
    }
    return victims;
  }

  /** What a storefront's buyer ordered: priced by the goods, not by the victim's habits. */
  private BigDecimal goodsPrice(MerchantCategory category) {
    double median =
        switch (category) {
          case ELECTRONICS -> 30_000;
          case JEWELRY -> 25_000;
          case FASHION -> 9_000;
          default -> 6_000;
        };
    double price = median * Math.exp(GOODS_PRICE_SIGMA * rng.nextGaussian());
    return Amounts.wholeUnits(Math.min(HarborSpending.MAX_YEN, price));
  }

  /**
   * An online payment located in the victim's home area, as the victim's own online payments are:
   * only the counterfeit card and the cash-out move, so no other pattern trips a location signal by
   * accident.
   */
  private void addOnlineAtHome(
      UserState user, long at, int merchant, BigDecimal amount, String device, FraudKind kind) {
    placer.placeAtHome(user, at, merchant, amount, Channel.ONLINE, device, kind);
  }

  /** Evenly spread over {@code span}, jittered within each slot, so times never go backwards. */
  private long spread(long start, long span, int index, int count) {
    return start + (long) (span * ((index + rng.nextDouble()) / count));
  }
}
