package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/** Plans a user's everyday, legitimate transactions. */
final class NormalSpending implements EverydaySpending {

  /** Share of purchases at a merchant that is not a favourite. */
  static final double NEW_MERCHANT_SHARE = 0.10;

  /** Share of purchases that are a bigger one-off (a gift, a repair). */
  static final double LARGE_PURCHASE_SHARE = 0.02;

  static final double LARGE_PURCHASE_MIN_FACTOR = 3.0;
  static final double LARGE_PURCHASE_MAX_FACTOR = 5.0;

  /** About 2 km: purchases happen around town, not at the user's front door. */
  static final double LOCAL_JITTER_DEGREES = 0.02;

  private static final double MIN_EVERYDAY_AMOUNT = 1.0;
  private static final long ATM_NOTE_CENTS = 20_00;

  /** A user's phone is used more often than their second device. */
  private static final double FIRST_DEVICE_SHARE = 0.8;

  private final SplittableRandom rng;
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();
  private final MerchantPicker merchants;

  NormalSpending(SplittableRandom rng) {
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

  /** One of the user's own devices, usually the first. */
  String ownDevice(UserState user) {
    List<String> devices = user.user.deviceIds();
    return devices.size() == 1 || rng.nextDouble() < FIRST_DEVICE_SHARE
        ? devices.get(0)
        : devices.get(1);
  }

  double jitter() {
    return rng.nextDouble(-LOCAL_JITTER_DEGREES, LOCAL_JITTER_DEGREES);
  }

  /** Squaring the uniform draw favours the first favourites, as real spending does. */
  private int pickFavourite(UserState user) {
    double u = rng.nextDouble();
    return user.favourites[(int) (u * u * user.favourites.length)];
  }

  /** A merchant of an everyday category that is not a favourite (it may have been visited). */
  private int pickOtherMerchant(UserState user) {
    return merchants.notFavouriteOf(
        user, merchantsByCategory[MerchantCategory.drawEveryday(rng).ordinal()]);
  }

  private BigDecimal amountFor(UserState user, Merchant merchant) {
    double amount;
    if (rng.nextDouble() < LARGE_PURCHASE_SHARE) {
      amount = user.typical * rng.nextDouble(LARGE_PURCHASE_MIN_FACTOR, LARGE_PURCHASE_MAX_FACTOR);
    } else {
      double median = user.typical * merchant.category().amountFactor();
      double everyday = median * Math.exp(user.user.amountSpread() * rng.nextGaussian());
      amount = Math.max(MIN_EVERYDAY_AMOUNT, everyday);
    }
    if (merchant.category() == MerchantCategory.ATM_CASH) {
      // Cash machines pay out notes.
      long notes = Math.max(1, Math.round(amount * 100 / ATM_NOTE_CENTS));
      return Amounts.ofCents(notes * ATM_NOTE_CENTS);
    }
    return Amounts.rounded(amount);
  }
}
