package io.streamsentinel.generator;

import static io.streamsentinel.generator.MerchantCategory.ATM_CASH;
import static io.streamsentinel.generator.MerchantCategory.ELECTRONICS;
import static io.streamsentinel.generator.MerchantCategory.FASHION;
import static io.streamsentinel.generator.MerchantCategory.FUEL;
import static io.streamsentinel.generator.MerchantCategory.GIFT_CARDS;
import static io.streamsentinel.generator.MerchantCategory.GROCERY;
import static io.streamsentinel.generator.MerchantCategory.JEWELRY;
import static io.streamsentinel.generator.MerchantCategory.ONLINE_SERVICES;
import static io.streamsentinel.generator.MerchantCategory.PHARMACY;
import static io.streamsentinel.generator.MerchantCategory.RESTAURANTS;
import static io.streamsentinel.generator.MerchantCategory.TRAVEL;
import static io.streamsentinel.generator.PatternClock.hours;
import static io.streamsentinel.generator.SimulatedTimeline.minutes;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * How each {@link FjordFraudPattern} looks. All of it happens between 07:00 and midnight local time
 * (every user of this world is on one offset), in the victim's own country, with at least minutes
 * between two events of one occurrence. Every signal is one a detector could compute from the
 * stream alone against the victim's own history or the population's. Events are placed in time by a
 * {@link PatternClock} on this planner's own random stream, as in the harbor world.
 */
final class FjordPatternEvents {

  private static final int HOUR = PatternClock.HOUR;

  private static final int TAPS_FROM = 11 * HOUR;

  /** Latest start of a run of taps: at most 7 gaps of at most 35 minutes end before midnight. */
  private static final int TAPS_LAST_START = 19 * HOUR;

  /** Norway's no-PIN contactless limit (500 kroner since 2020): every tap stays under it. */
  static final double CONTACTLESS_LIMIT_NOK = 500;

  private static final double MIN_TAP_NOK = 150;
  private static final double OTHER_PART_OF_TOWN_MIN_DEGREES = 0.03;
  private static final double OTHER_PART_OF_TOWN_MAX_DEGREES = 0.08;
  private static final double STREET_JITTER_DEGREES = 0.01;

  private static final int SHOPS_OPEN = 10 * HOUR;

  /** Latest start of a wallet run: at most 4 gaps of at most 80 minutes end before the shops. */
  private static final int WALLET_LAST_START = 14 * HOUR;

  private static final double GOODS_PRICE_SIGMA = 0.5;
  private static final double MAX_GOODS_NOK = 60_000;

  /** Gift card values a scammer asks for. */
  private static final double[] GIFT_CARD_NOK = {1_000, 1_500, 2_000, 2_500, 3_000, 4_000, 5_000};

  /** A gift-card scam is over within two hours; it starts early enough to end in active hours. */
  private static final int SCAM_RUN = 2 * HOUR;

  private static final double BUST_OUT_ATM_SHARE = 0.15;
  private static final double BUST_OUT_MIN_NOK = 1_500;
  private static final double BUST_OUT_MAX_NOK = 120_000;
  private static final int BUST_OUT_NOTE_NOK = 200;

  private final SplittableRandom rng;
  private final PatternClock clock;
  private final PatternPlacer placer;
  private final MerchantPicker merchants;
  private final int[] tapShops =
      PatternPlacer.shops(
          Channel.CARD_PRESENT, EnumSet.of(GROCERY, RESTAURANTS, FUEL, PHARMACY, FASHION));
  private final int[] walletShops =
      PatternPlacer.shops(Channel.CARD_PRESENT, EnumSet.of(ELECTRONICS, JEWELRY));
  private final int[] giftCards = MerchantCatalog.indicesWhere(m -> m.category() == GIFT_CARDS);
  private final int[] bustOutShops =
      MerchantCatalog.indicesWhere(
          m -> EnumSet.of(ELECTRONICS, JEWELRY, TRAVEL, GIFT_CARDS).contains(m.category()));
  private final int[] atms = MerchantCatalog.indicesWhere(m -> m.category() == ATM_CASH);
  private final int[] remoteShops =
      MerchantCatalog.indicesWhere(
          m ->
              m.category().sellsOnline()
                  && EnumSet.of(ELECTRONICS, FASHION, TRAVEL, ONLINE_SERVICES)
                      .contains(m.category()));

  FjordPatternEvents(
      SplittableRandom rng, SimulatedTimeline timeline, Consumer<PlannedEvent> schedule) {
    this.rng = rng;
    this.clock = new PatternClock(rng, timeline);
    this.placer = new PatternPlacer(rng, schedule, FjordSpending.LOCAL_JITTER_DEGREES);
    this.merchants = new MerchantPicker(rng);
  }

  /** 3-8 taps of 150-499.99 kroner at new shops in another part of town, 4-35 minutes apart. */
  void contactlessStolenCard(UserState user, long now) {
    PatternPlacer.Spot spot =
        placer.awayFromHome(user, OTHER_PART_OF_TOWN_MIN_DEGREES, OTHER_PART_OF_TOWN_MAX_DEGREES);
    int count = rng.nextInt(3, 9);
    long at =
        clock.nextMomentWithin(user, now + hours(rng.nextDouble(0, 4)), TAPS_FROM, TAPS_LAST_START);
    for (int i = 0; i < count; i++) {
      placer.place(
          user,
          at,
          merchants.newTo(user, tapShops),
          Amounts.rounded(rng.nextDouble(MIN_TAP_NOK, CONTACTLESS_LIMIT_NOK - 0.01)),
          Channel.CARD_PRESENT,
          null,
          user.user.homeCity(),
          spot.latitude() + placer.jitter(STREET_JITTER_DEGREES),
          spot.longitude() + placer.jitter(STREET_JITTER_DEGREES),
          FjordFraudPattern.CONTACTLESS_STOLEN_CARD);
      at += minutes(rng.nextDouble(4, 35));
    }
  }

  /** 2-5 in-shop payments with a new phone at electronics and jewellery shops of a large city. */
  void walletProvisioning(UserState user, long now) {
    String phone = UserFactory.deviceIdNotIn(user.user.deviceIds(), rng);
    City city = FjordCities.drawLarge(rng);
    int count = rng.nextInt(2, 6);
    long at =
        clock.nextMomentWithin(
            user, now + hours(rng.nextDouble(1, 12)), SHOPS_OPEN, WALLET_LAST_START);
    for (int i = 0; i < count; i++) {
      int merchant = merchants.newTo(user, walletShops);
      placer.place(
          user,
          at,
          merchant,
          goodsPrice(MerchantCatalog.get(merchant).category()),
          Channel.CARD_PRESENT,
          phone,
          city,
          city.latitude() + placer.jitter(FjordSpending.LOCAL_JITTER_DEGREES),
          city.longitude() + placer.jitter(FjordSpending.LOCAL_JITTER_DEGREES),
          FjordFraudPattern.WALLET_PROVISIONING);
      at += minutes(rng.nextDouble(20, 80));
    }
  }

  /** 2-5 online gift cards of 1,000-5,000 kroner from an own device, 10-30 minutes apart. */
  void elderGiftCardScam(UserState user, long now) {
    String device = placer.anyOwnDevice(user);
    int count = rng.nextInt(2, 6);
    int lastStart = Math.max(user.activeStartSecond() + HOUR, user.activeEndSecond() - SCAM_RUN);
    long at =
        clock.nextMomentWithin(
            user, now + hours(rng.nextDouble(0.5, 6)), user.activeStartSecond(), lastStart);
    for (int i = 0; i < count; i++) {
      double value = GIFT_CARD_NOK[rng.nextInt(GIFT_CARD_NOK.length)];
      placer.placeAtHome(
          user,
          at,
          merchants.newTo(user, giftCards),
          Amounts.wholeUnits(value),
          Channel.ONLINE,
          device,
          FjordFraudPattern.ELDER_GIFT_CARD_SCAM);
      at += minutes(rng.nextDouble(10, 30));
    }
  }

  /**
   * 6-12 purchases of resellable goods at 3-10 times the typical purchase (at least 1,500 kroner)
   * and cash withdrawals of 3,000-8,000 kroner, 30-150 minutes apart within the user's active
   * hours, at home, with the user's own devices.
   */
  void syntheticBustOut(UserState user, long now) {
    int count = rng.nextInt(6, 13);
    long at =
        clock.nextMomentWithin(
            user,
            now + hours(rng.nextDouble(0.5, 4)),
            user.activeStartSecond(),
            user.activeEndSecond());
    for (int i = 0; i < count; i++) {
      at = clock.activeAtOrAfter(user, at);
      if (rng.nextDouble() < BUST_OUT_ATM_SHARE) {
        BigDecimal cash = Amounts.wholeUnits(rng.nextInt(15, 41) * (double) BUST_OUT_NOTE_NOK);
        placer.placeAtHome(
            user,
            at,
            atms[rng.nextInt(atms.length)],
            cash,
            Channel.ATM,
            null,
            FjordFraudPattern.SYNTHETIC_BUST_OUT);
      } else {
        int merchant =
            rng.nextDouble() < 0.7
                ? merchants.newTo(user, bustOutShops)
                : merchants.favouriteOf(user, bustOutShops);
        Merchant shop = MerchantCatalog.get(merchant);
        boolean online =
            shop.typicalChannel() == Channel.ONLINE
                || (shop.category().sellsOnline() && rng.nextBoolean());
        double amount =
            Math.min(
                BUST_OUT_MAX_NOK, Math.max(BUST_OUT_MIN_NOK, user.typical * rng.nextDouble(3, 10)));
        placer.placeAtHome(
            user,
            at,
            merchant,
            Amounts.rounded(amount),
            online ? Channel.ONLINE : Channel.CARD_PRESENT,
            online ? placer.anyOwnDevice(user) : walletOrCard(user),
            FjordFraudPattern.SYNTHETIC_BUST_OUT);
      }
      at += hours(rng.nextDouble(0.5, 2.5));
    }
  }

  /** 1-3 online purchases at 3-8 times the typical purchase, own device, at home, in one day. */
  void firstPartyMisuse(UserState user, long now) {
    int count = rng.nextInt(1, 4);
    long at = now + hours(rng.nextDouble(0, 24));
    for (int i = 0; i < count; i++) {
      at = clock.nextMomentWithin(user, at, user.activeStartSecond(), user.activeEndSecond());
      int merchant =
          rng.nextDouble() < 0.65
              ? merchants.newTo(user, remoteShops)
              : merchants.favouriteOf(user, remoteShops);
      placer.placeAtHome(
          user,
          at,
          merchant,
          Amounts.rounded(user.typical * rng.nextDouble(3, 8)),
          Channel.ONLINE,
          placer.anyOwnDevice(user),
          FjordFraudPattern.FIRST_PARTY_MISUSE);
      at += hours(rng.nextDouble(0.5, 6));
    }
  }

  /** What the goods cost, not what the victim usually spends. */
  private BigDecimal goodsPrice(MerchantCategory category) {
    double median = category == ELECTRONICS ? 9_000 : 7_000;
    double price = median * Math.exp(GOODS_PRICE_SIGMA * rng.nextGaussian());
    return Amounts.wholeUnits(Math.min(MAX_GOODS_NOK, price));
  }

  /** In a shop the user pays with the phone as often as usual, else with the card. */
  private String walletOrCard(UserState user) {
    return rng.nextDouble() < FjordSpending.walletShare(user.user)
        ? user.user.deviceIds().get(0)
        : null;
  }
}
