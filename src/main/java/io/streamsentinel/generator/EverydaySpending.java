package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.util.List;
import java.util.SplittableRandom;

/** How a world plans its users' everyday, legitimate transactions. */
interface EverydaySpending {

  /** An everyday transaction of {@code user} at {@code atMicros}; marks its merchant visited. */
  PlannedEvent plan(UserState user, long atMicros, long order);

  /**
   * How the user pays at this merchant: online, with the user's online share, at a shop that also
   * sells online; else the merchant's usual channel. Draws only when the shop sells both ways.
   */
  static Channel usualChannel(UserState user, Merchant merchant, SplittableRandom rng) {
    if (merchant.typicalChannel() == Channel.CARD_PRESENT
        && merchant.category().sellsOnline()
        && rng.nextDouble() < user.user.onlineShare()) {
      return Channel.ONLINE;
    }
    return merchant.typicalChannel();
  }

  /**
   * One of the user's own devices: the first (the phone) with chance {@code firstShare}, else one
   * of the others alike. Draws nothing when the user has one device only.
   */
  static String ownDevice(UserState user, double firstShare, SplittableRandom rng) {
    List<String> devices = user.user.deviceIds();
    return devices.size() == 1 || rng.nextDouble() < firstShare
        ? devices.get(0)
        : devices.get(1 + rng.nextInt(devices.size() - 1));
  }
}
