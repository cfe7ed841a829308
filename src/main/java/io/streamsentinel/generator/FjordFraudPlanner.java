package io.streamsentinel.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides when fraud starts in the held-out {@link World#FJORD} world and plans its events into a
 * queue ordered by time, as {@link FraudPlanner} does for the default world: a pattern starts after
 * a normal event with the probability that makes the labelled share match the fraud rate.
 */
final class FjordFraudPlanner extends QueuedFraudSource {

  /** Share of gift-card scams whose victim is a pensioner, where the population has any. */
  private static final double ELDER_VICTIM_SHARE = 0.8;

  private static final int BUST_OUT_TRIES = 20;

  private final SplittableRandom rng;
  private final UserState[] users;
  private final int[] pensioners;
  private final boolean[] bustedOut;
  private final PatternStarts<FjordFraudPattern> starts;
  private final VictimPicker victims;
  private final FjordPatternEvents events;

  /**
   * @param segments the segment of each user, in the order of {@code users}
   */
  FjordFraudPlanner(
      SplittableRandom rng,
      UserState[] users,
      List<FjordSegment> segments,
      SimulatedTimeline timeline,
      double fraudRate) {
    VictimPicker.requireOnePerUser(segments, users);
    this.rng = rng;
    this.users = users;
    this.pensioners = VictimPicker.indicesOf(segments, s -> s == FjordSegment.PENSIONER);
    this.bustedOut = new boolean[users.length];
    this.starts = new PatternStarts<>(rng, FjordFraudPattern.values(), fraudRate);
    this.victims = new VictimPicker(rng, users);
    this.events = new FjordPatternEvents(rng, timeline, this::schedule);
  }

  /**
   * Maybe starts a pattern. Victims are drawn uniformly (thieves do not pick cards by how often
   * they are used), except that gift-card scammers mostly reach pensioners and that an account
   * busts out only once.
   */
  @Override
  public void afterNormalEvent(UserState current, long nowMicros) {
    FjordFraudPattern pattern = starts.next();
    if (pattern == null) {
      return;
    }
    switch (pattern) {
      case CONTACTLESS_STOLEN_CARD -> events.contactlessStolenCard(victims.anyone(), nowMicros);
      case WALLET_PROVISIONING -> events.walletProvisioning(victims.anyone(), nowMicros);
      case ELDER_GIFT_CARD_SCAM ->
          events.elderGiftCardScam(victims.preferring(pensioners, ELDER_VICTIM_SHARE), nowMicros);
      case SYNTHETIC_BUST_OUT -> events.syntheticBustOut(notYetBustedOut(), nowMicros);
      case FIRST_PARTY_MISUSE -> events.firstPartyMisuse(victims.anyone(), nowMicros);
    }
  }

  /**
   * An account that has not busted out yet; after {@link #BUST_OUT_TRIES} draws of accounts that
   * have, any account (only in a small population that has nearly all busted out already).
   */
  private UserState notYetBustedOut() {
    int index = rng.nextInt(users.length);
    for (int i = 1; i < BUST_OUT_TRIES && bustedOut[index]; i++) {
      index = rng.nextInt(users.length);
    }
    bustedOut[index] = true;
    return users[index];
  }
}
