package io.streamsentinel.generator;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Decides when fraud starts in the held-out {@link World#MESA} world and plans its events into a
 * queue ordered by time, as {@link FraudPlanner} does for the default world: a pattern starts after
 * a normal event with the probability that makes the labelled share match the fraud rate.
 */
final class MesaFraudPlanner extends QueuedFraudSource {

  private static final MesaFraudPattern[] PATTERNS = MesaFraudPattern.values();

  /** Share of investment scams whose victim is an expatriate, where the population has any. */
  private static final double EXPATRIATE_VICTIM_SHARE = 0.5;

  private final SplittableRandom rng;
  private final UserState[] users;
  private final int[] expatriates;
  private final double startProbability;
  private final MesaPatternEvents events;

  /**
   * @param segments the segment of each user, in the order of {@code users}
   */
  MesaFraudPlanner(
      SplittableRandom rng,
      UserState[] users,
      MesaSegment[] segments,
      SimulatedTimeline timeline,
      double fraudRate) {
    if (segments.length != users.length) {
      throw new IllegalArgumentException("one segment per user");
    }
    this.rng = rng;
    this.users = users;
    this.expatriates =
        IntStream.range(0, users.length)
            .filter(i -> segments[i] == MesaSegment.EXPATRIATE)
            .toArray();
    this.startProbability = FraudKind.startProbability(fraudRate, PATTERNS);
    this.events = new MesaPatternEvents(rng, timeline, this::schedule);
  }

  /**
   * Maybe starts a pattern. Victims are drawn uniformly (cards are cloned and stolen whoever holds
   * them), except that investment scammers reach expatriates more often than their share.
   */
  @Override
  public void afterNormalEvent(UserState current, long nowMicros) {
    if (startProbability == 0 || rng.nextDouble() >= startProbability) {
      return;
    }
    MesaFraudPattern pattern = PATTERNS[rng.nextInt(PATTERNS.length)];
    switch (pattern) {
      case CLONED_CARD_FUEL_RUN -> events.clonedCardFuelRun(anyone(), nowMicros);
      case INVESTMENT_SCAM_DEPOSITS -> events.investmentScamDeposits(scamVictim(), nowMicros);
      case DISCOUNTED_SERVICES_RESALE -> events.discountedServicesResale(anyone(), nowMicros);
      case COLLUSIVE_MERCHANT_SPLIT_SALE -> events.collusiveMerchantSplitSale(anyone(), nowMicros);
      case EXPRESS_KIDNAPPING -> events.expressKidnapping(anyone(), nowMicros);
    }
  }

  private UserState anyone() {
    return users[rng.nextInt(users.length)];
  }

  private UserState scamVictim() {
    if (expatriates.length > 0 && rng.nextDouble() < EXPATRIATE_VICTIM_SHARE) {
      return users[expatriates[rng.nextInt(expatriates.length)]];
    }
    return anyone();
  }
}
