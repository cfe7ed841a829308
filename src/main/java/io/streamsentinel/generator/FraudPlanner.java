package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * Decides when fraud starts and on whom, and plans every event of a pattern into a queue ordered by
 * time. Patterns start after a normal event with a fixed probability, chosen so that the labelled
 * share of all events matches the configured fraud rate on average.
 */
final class FraudPlanner extends QueuedFraudSource {

  private static final FraudPattern[] PATTERNS = FraudPattern.values();

  private final PatternStarts<FraudPattern> starts;
  private final VictimPicker victims;
  private final PatternEvents events;

  FraudPlanner(
      SplittableRandom rng, UserState[] users, SimulatedTimeline timeline, double fraudRate) {
    this.starts = new PatternStarts<>(rng, PATTERNS, fraudRate);
    this.victims = new VictimPicker(rng, users);
    this.events = new PatternEvents(rng, timeline, this::schedule);
  }

  /** See {@link FraudKind#startProbability}; the default world's patterns. */
  static double startProbability(double fraudRate) {
    return FraudKind.startProbability(fraudRate, PATTERNS);
  }

  /**
   * Called after each normal event, of {@code current} at {@code nowMicros}: maybe starts a
   * pattern. Impossible travel strikes the card just used, so the genuine payment it contradicts is
   * recent; other patterns pick their victim uniformly: thieves do not pick cards by how often they
   * are used.
   */
  @Override
  public void afterNormalEvent(UserState current, long nowMicros) {
    FraudPattern pattern = starts.next();
    if (pattern == null) {
      return;
    }
    UserState victim = pattern == FraudPattern.IMPOSSIBLE_TRAVEL ? current : victims.anyone();
    switch (pattern) {
      case CARD_TESTING -> events.cardTesting(victim, nowMicros);
      case ACCOUNT_TAKEOVER -> events.accountTakeover(victim, nowMicros);
      case IMPOSSIBLE_TRAVEL -> events.impossibleTravel(victim, nowMicros);
      case HIGH_AMOUNT_UNUSUAL_HOUR -> events.highAmountUnusualHour(victim, nowMicros);
      case VELOCITY_BURST -> events.velocityBurst(victim, nowMicros);
    }
  }
}
