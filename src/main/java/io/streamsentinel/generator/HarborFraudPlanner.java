package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * Decides when fraud starts in the held-out {@link World#HARBOR} world and plans its events into a
 * queue ordered by time, as {@link FraudPlanner} does for the default world: a pattern starts after
 * a normal event with the probability that makes the labelled share match the fraud rate.
 */
final class HarborFraudPlanner extends QueuedFraudSource {

  private final PatternStarts<HarborFraudPattern> starts;
  private final VictimPicker victims;
  private final HarborPatternEvents events;

  HarborFraudPlanner(
      SplittableRandom rng, UserState[] users, SimulatedTimeline timeline, double fraudRate) {
    this.starts = new PatternStarts<>(rng, HarborFraudPattern.values(), fraudRate);
    this.victims = new VictimPicker(rng, users);
    this.events = new HarborPatternEvents(rng, timeline, users, this::schedule);
  }

  /**
   * Maybe starts a pattern. Victims are drawn uniformly: thieves do not pick cards by how often
   * they are used; the compromised-merchant spree picks its own, among the merchant's customers.
   */
  @Override
  public void afterNormalEvent(UserState current, long nowMicros) {
    HarborFraudPattern pattern = starts.next();
    if (pattern == null) {
      return;
    }
    UserState victim = victims.anyone();
    switch (pattern) {
      case COUNTERFEIT_CARD_PRESENT -> events.counterfeitCardPresent(victim, nowMicros);
      case LOW_AND_SLOW_TAKEOVER -> events.lowAndSlowTakeover(victim, nowMicros);
      case TRIANGULATION_RESHIPPING -> events.triangulation(victim, nowMicros);
      case ATM_CASH_OUT -> events.atmCashOut(victim, nowMicros);
      case COMPROMISED_MERCHANT_SPREE -> events.compromisedMerchantSpree(nowMicros);
    }
  }
}
