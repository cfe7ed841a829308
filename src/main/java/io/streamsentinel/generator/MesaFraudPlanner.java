package io.streamsentinel.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides when fraud starts in the held-out {@link World#MESA} world and plans its events into a
 * queue ordered by time, as {@link FraudPlanner} does for the default world: a pattern starts after
 * a normal event with the probability that makes the labelled share match the fraud rate.
 */
final class MesaFraudPlanner extends QueuedFraudSource {

  /** Share of investment scams whose victim is an expatriate, where the population has any. */
  private static final double EXPATRIATE_VICTIM_SHARE = 0.5;

  private final int[] expatriates;
  private final PatternStarts<MesaFraudPattern> starts;
  private final VictimPicker victims;
  private final MesaPatternEvents events;

  /**
   * @param segments the segment of each user, in the order of {@code users}
   */
  MesaFraudPlanner(
      SplittableRandom rng,
      UserState[] users,
      List<MesaSegment> segments,
      SimulatedTimeline timeline,
      double fraudRate) {
    VictimPicker.requireOnePerUser(segments, users);
    this.expatriates = VictimPicker.indicesOf(segments, s -> s == MesaSegment.EXPATRIATE);
    this.starts = new PatternStarts<>(rng, MesaFraudPattern.values(), fraudRate);
    this.victims = new VictimPicker(rng, users);
    this.events = new MesaPatternEvents(rng, timeline, this::schedule);
  }

  /**
   * Maybe starts a pattern. Victims are drawn uniformly (cards are cloned and stolen whoever holds
   * them), except that investment scammers reach expatriates more often than their share.
   */
  @Override
  public void afterNormalEvent(UserState current, long nowMicros) {
    MesaFraudPattern pattern = starts.next();
    if (pattern == null) {
      return;
    }
    switch (pattern) {
      case CLONED_CARD_FUEL_RUN -> events.clonedCardFuelRun(victims.anyone(), nowMicros);
      case INVESTMENT_SCAM_DEPOSITS ->
          events.investmentScamDeposits(
              victims.preferring(expatriates, EXPATRIATE_VICTIM_SHARE), nowMicros);
      case DISCOUNTED_SERVICES_RESALE ->
          events.discountedServicesResale(victims.anyone(), nowMicros);
      case COLLUSIVE_MERCHANT_SPLIT_SALE ->
          events.collusiveMerchantSplitSale(victims.anyone(), nowMicros);
      case EXPRESS_KIDNAPPING -> events.expressKidnapping(victims.anyone(), nowMicros);
    }
  }
}
