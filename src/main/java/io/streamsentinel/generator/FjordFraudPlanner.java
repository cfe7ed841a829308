package io.streamsentinel.generator;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Decides when fraud starts in the held-out {@link World#FJORD} world and plans its events into a
 * queue ordered by time, as {@link FraudPlanner} does for the default world: a pattern starts after
 * a normal event with the probability that makes the labelled share match the fraud rate.
 */
final class FjordFraudPlanner extends QueuedFraudSource {

  private static final FjordFraudPattern[] PATTERNS = FjordFraudPattern.values();

  /** Share of gift-card scams whose victim is a pensioner, where the population has any. */
  private static final double ELDER_VICTIM_SHARE = 0.8;

  private static final int BUST_OUT_TRIES = 20;

  private final SplittableRandom rng;
  private final UserState[] users;
  private final int[] pensioners;
  private final boolean[] bustedOut;
  private final double startProbability;
  private final FjordPatternEvents events;

  /**
   * @param segments the segment of each user, in the order of {@code users}
   */
  FjordFraudPlanner(
      SplittableRandom rng,
      UserState[] users,
      FjordSegment[] segments,
      SimulatedTimeline timeline,
      double fraudRate) {
    if (segments.length != users.length) {
      throw new IllegalArgumentException("one segment per user");
    }
    this.rng = rng;
    this.users = users;
    this.pensioners =
        IntStream.range(0, users.length)
            .filter(i -> segments[i] == FjordSegment.PENSIONER)
            .toArray();
    this.bustedOut = new boolean[users.length];
    this.startProbability = FraudKind.startProbability(fraudRate, PATTERNS);
    this.events = new FjordPatternEvents(rng, timeline, this::schedule);
  }

  /**
   * Maybe starts a pattern. Victims are drawn uniformly (thieves do not pick cards by how often
   * they are used), except that gift-card scammers mostly reach pensioners and that an account
   * busts out only once.
   */
  @Override
  public void afterNormalEvent(UserState current, long nowMicros) {
    if (startProbability == 0 || rng.nextDouble() >= startProbability) {
      return;
    }
    FjordFraudPattern pattern = PATTERNS[rng.nextInt(PATTERNS.length)];
    switch (pattern) {
      case CONTACTLESS_STOLEN_CARD -> events.contactlessStolenCard(anyone(), nowMicros);
      case WALLET_PROVISIONING -> events.walletProvisioning(anyone(), nowMicros);
      case ELDER_GIFT_CARD_SCAM -> events.elderGiftCardScam(elderOrAnyone(), nowMicros);
      case SYNTHETIC_BUST_OUT -> events.syntheticBustOut(notYetBustedOut(), nowMicros);
      case FIRST_PARTY_MISUSE -> events.firstPartyMisuse(anyone(), nowMicros);
    }
  }

  private UserState anyone() {
    return users[rng.nextInt(users.length)];
  }

  private UserState elderOrAnyone() {
    if (pensioners.length > 0 && rng.nextDouble() < ELDER_VICTIM_SHARE) {
      return users[pensioners[rng.nextInt(pensioners.length)]];
    }
    return anyone();
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
