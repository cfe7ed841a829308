package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the everyday, legitimate transactions of the held-out {@link World#FJORD} world, in kroner.
 * Unlike the other worlds: a near-cashless country where many pay in shops with the phone (a
 * card-present payment then carries the user's phone as its device), a weekly big grocery shop
 * beside the small ones, category prices of their own and cash in 100-krone notes.
 */
final class FjordSpending implements EverydaySpending {

  /** Share of purchases at a merchant that is not a favourite. */
  static final double NEW_MERCHANT_SHARE = 0.08;

  /** Share of grocery purchases that are the week's big shop, at several times the usual. */
  static final double BIG_SHOP_SHARE = 0.15;

  static final double BIG_SHOP_FACTOR = 4.0;

  /**
   * Chance of paying in a shop with the phone, per unit of the user's online share (those who shop
   * online pay with the phone too), at most {@link #MAX_WALLET_SHARE}.
   */
  static final double WALLET_PER_ONLINE_SHARE = 2.0;

  static final double MAX_WALLET_SHARE = 0.8;

  /** About 3 km. */
  static final double LOCAL_JITTER_DEGREES = 0.03;

  /** Largest everyday amount, far below the codec's default bound of 1,000,000 currency units. */
  static final double MAX_NOK = 250_000;

  private static final double MIN_NOK = 10;
  private static final double ATM_NOTE_NOK = 100;
  private static final int MIN_ATM_NOTES = 2;

  /**
   * Category mix of purchases away from the favourites, in {@link MerchantCategory} order: grocery,
   * restaurants, fuel, electronics, jewelry, gift cards, travel, fashion, pharmacy, entertainment,
   * online services, ATM cash.
   */
  private static final int[] OTHER_MERCHANT_WEIGHTS = {26, 22, 8, 4, 1, 1, 8, 8, 7, 7, 9, 1};

  /** Median price in a category relative to the typical purchase, in the same order. */
  private static final double[] AMOUNT_FACTORS = {
    0.9, 1.1, 2.0, 5.0, 6.0, 2.0, 6.0, 2.5, 0.7, 0.9, 1.5, 3.0
  };

  private final SplittableRandom rng;
  private final CategoryPrices prices =
      new CategoryPrices(
          AMOUNT_FACTORS, MIN_NOK, MAX_NOK, ATM_NOTE_NOK, MIN_ATM_NOTES, Amounts::rounded);
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();
  private final MerchantPicker merchants;

  FjordSpending(SplittableRandom rng) {
    this.rng = rng;
    this.merchants = new MerchantPicker(rng);
  }

  @Override
  public PlannedEvent plan(UserState user, long atMicros, long order) {
    int merchantIndex =
        rng.nextDouble() < NEW_MERCHANT_SHARE ? pickOtherMerchant(user) : pickFavourite(user);
    user.visit(merchantIndex);
    Merchant merchant = MerchantCatalog.get(merchantIndex);
    Channel channel = EverydaySpending.usualChannel(user, merchant, rng);
    SyntheticUser profile = user.user;
    return new PlannedEvent(
        atMicros,
        order,
        user,
        merchant,
        amountFor(user, merchant),
        channel,
        deviceFor(user, channel),
        profile.homeCity(),
        profile.homeLatitude() + jitter(),
        profile.homeLongitude() + jitter(),
        null);
  }

  /** One of the user's own devices, all used alike. */
  String ownDevice(UserState user) {
    List<String> devices = user.user.deviceIds();
    return devices.get(rng.nextInt(devices.size()));
  }

  double jitter() {
    return rng.nextDouble(-LOCAL_JITTER_DEGREES, LOCAL_JITTER_DEGREES);
  }

  /** The chance that this user pays in a shop with the phone. */
  static double walletShare(SyntheticUser user) {
    return Math.min(MAX_WALLET_SHARE, WALLET_PER_ONLINE_SHARE * user.onlineShare());
  }

  /** Online: any own device; in a shop: the phone (the first device) when paying with it. */
  private String deviceFor(UserState user, Channel channel) {
    return switch (channel) {
      case ONLINE -> ownDevice(user);
      case CARD_PRESENT ->
          rng.nextDouble() < walletShare(user.user) ? user.user.deviceIds().get(0) : null;
      case ATM -> null;
    };
  }

  /** Squaring the uniform draw favours the first favourites, less than harbor's cube. */
  private int pickFavourite(UserState user) {
    double u = rng.nextDouble();
    return user.favourites[(int) (u * u * user.favourites.length)];
  }

  private int pickOtherMerchant(UserState user) {
    return merchants.notFavouriteOf(
        user, merchantsByCategory[HarborSegment.draw(OTHER_MERCHANT_WEIGHTS, rng).ordinal()]);
  }

  private BigDecimal amountFor(UserState user, Merchant merchant) {
    MerchantCategory category = merchant.category();
    boolean bigShop = category == MerchantCategory.GROCERY && rng.nextDouble() < BIG_SHOP_SHARE;
    return prices.price(user, category, bigShop ? BIG_SHOP_FACTOR : 1, rng);
  }
}
