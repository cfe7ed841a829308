package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the everyday, legitimate transactions of the held-out {@link World#HARBOR} world, in yen.
 * Unlike the default world: loyal to the first favourite, a heavier (Pareto) tail of large
 * purchases, category prices of their own, cash in 1,000-yen notes, and up to three devices used
 * evenly.
 */
final class HarborSpending implements EverydaySpending {

  /** Share of purchases at a merchant that is not a favourite. */
  static final double NEW_MERCHANT_SHARE = 0.12;

  /** Share of purchases that are a bigger one-off, with a Pareto tail from 3x typical. */
  static final double LARGE_PURCHASE_SHARE = 0.03;

  static final double LARGE_PURCHASE_MIN_FACTOR = 3.0;
  static final double LARGE_PURCHASE_PARETO_ALPHA = 1.6;
  static final double LARGE_PURCHASE_MAX_FACTOR = 25.0;

  /** About 3 km. */
  static final double LOCAL_JITTER_DEGREES = 0.03;

  /**
   * Largest everyday amount: 900,000 yen, below the codec's default bound of 1,000,000 currency
   * units, which this world's larger unit would otherwise reach on a rare jewellery purchase.
   */
  static final double MAX_YEN = 900_000;

  private static final double MIN_YEN = 100;
  private static final double ATM_NOTE_YEN = 1_000;

  /**
   * Category mix of purchases away from the favourites, in {@link MerchantCategory} order: grocery,
   * restaurants, fuel, electronics, jewelry, gift cards, travel, fashion, pharmacy, entertainment,
   * online services, ATM cash.
   */
  private static final int[] OTHER_MERCHANT_WEIGHTS = {24, 20, 4, 4, 1, 2, 6, 8, 8, 8, 12, 6};

  /** Median price in a category relative to the typical purchase, in the same order. */
  private static final double[] AMOUNT_FACTORS = {
    1.0, 0.8, 1.5, 4.0, 6.0, 1.5, 5.0, 2.0, 0.6, 0.7, 1.2, 3.5
  };

  private final SplittableRandom rng;
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();
  private final MerchantPicker merchants;

  HarborSpending(SplittableRandom rng) {
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
        channel == Channel.ONLINE ? ownDevice(user) : null,
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

  /** Cubing the uniform draw makes users more loyal to their first favourites than by default. */
  private int pickFavourite(UserState user) {
    double u = rng.nextDouble();
    return user.favourites[(int) (u * u * u * user.favourites.length)];
  }

  private int pickOtherMerchant(UserState user) {
    return merchants.notFavouriteOf(
        user, merchantsByCategory[HarborSegment.draw(OTHER_MERCHANT_WEIGHTS, rng).ordinal()]);
  }

  private BigDecimal amountFor(UserState user, Merchant merchant) {
    double amount;
    if (rng.nextDouble() < LARGE_PURCHASE_SHARE) {
      double pareto =
          LARGE_PURCHASE_MIN_FACTOR
              * Math.pow(1 - rng.nextDouble(), -1 / LARGE_PURCHASE_PARETO_ALPHA);
      amount = user.typical * Math.min(LARGE_PURCHASE_MAX_FACTOR, pareto);
    } else {
      double median = user.typical * AMOUNT_FACTORS[merchant.category().ordinal()];
      amount = median * Math.exp(user.user.amountSpread() * rng.nextGaussian());
    }
    amount = Math.min(MAX_YEN, Math.max(MIN_YEN, amount));
    if (merchant.category() == MerchantCategory.ATM_CASH) {
      return Amounts.wholeUnits(Math.max(1, Math.round(amount / ATM_NOTE_YEN)) * ATM_NOTE_YEN);
    }
    return Amounts.wholeUnits(amount);
  }
}
