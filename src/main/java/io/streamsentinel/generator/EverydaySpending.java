package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
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
}
