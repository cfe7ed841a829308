package io.streamsentinel.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides when fraud starts in the held-out {@link World#STEPPE} world and plans its events into a
 * queue ordered by time, as {@link FraudPlanner} does for the default world: a pattern starts after
 * a normal event with the probability that makes the labelled share match the fraud rate.
 */
final class SteppeFraudPlanner extends QueuedFraudSource {

  /** Share of subscription traps whose victim is an office worker, who tries most apps. */
  private static final double OFFICE_VICTIM_SHARE = 0.5;

  /** Share of skimmed cards that belong to someone who draws cash often. */
  private static final double CASH_USER_VICTIM_SHARE = 0.5;

  /** Share of romance scams whose victim is a pensioner. */
  private static final double PENSIONER_VICTIM_SHARE = 0.4;

  private final int[] officeWorkers;
  private final int[] cashUsers;
  private final int[] pensioners;
  private final PatternStarts<SteppeFraudPattern> starts;
  private final VictimPicker victims;
  private final SteppePatternEvents events;

  /**
   * @param segments the segment of each user, in the order of {@code users}
   */
  SteppeFraudPlanner(
      SplittableRandom rng,
      UserState[] users,
      List<SteppeSegment> segments,
      SimulatedTimeline timeline,
      double fraudRate) {
    VictimPicker.requireOnePerUser(segments, users);
    this.officeWorkers = VictimPicker.indicesOf(segments, s -> s == SteppeSegment.OFFICE_WORKER);
    this.cashUsers = VictimPicker.indicesOf(segments, s -> s != SteppeSegment.OFFICE_WORKER);
    this.pensioners = VictimPicker.indicesOf(segments, s -> s == SteppeSegment.PENSIONER);
    this.starts = new PatternStarts<>(rng, SteppeFraudPattern.values(), fraudRate);
    this.victims = new VictimPicker(rng, users);
    this.events = new SteppePatternEvents(rng, timeline, this::schedule);
  }

  /**
   * Maybe starts a pattern. Victims are drawn uniformly (stolen card details and phishing texts
   * reach anyone), except that trial traps mostly catch office workers, skimmed cards mostly belong
   * to people who draw cash often, and romance scammers reach pensioners more than their share;
   * never, if it can be helped, someone another pattern is under way against.
   */
  @Override
  public void afterNormalEvent(UserState current, long nowMicros) {
    SteppeFraudPattern pattern = starts.next();
    if (pattern == null) {
      return;
    }
    UserState victim =
        victims.notUnderWay(
            () ->
                switch (pattern) {
                  case SUBSCRIPTION_TRAP -> victims.preferring(officeWorkers, OFFICE_VICTIM_SHARE);
                  case SKIMMED_CARD_ATM_ABROAD ->
                      victims.preferring(cashUsers, CASH_USER_VICTIM_SHARE);
                  case ROMANCE_SCAM_PAYMENTS ->
                      victims.preferring(pensioners, PENSIONER_VICTIM_SHARE);
                  case AIRLINE_TICKET_RESALE, PARCEL_FEE_PHISHING -> victims.anyone();
                },
            nowMicros);
    switch (pattern) {
      case SUBSCRIPTION_TRAP -> events.subscriptionTrap(victim, nowMicros);
      case AIRLINE_TICKET_RESALE -> events.airlineTicketResale(victim, nowMicros);
      case PARCEL_FEE_PHISHING -> events.parcelFeePhishing(victim, nowMicros);
      case SKIMMED_CARD_ATM_ABROAD -> events.skimmedCardAtmAbroad(victim, nowMicros);
      case ROMANCE_SCAM_PAYMENTS -> events.romanceScamPayments(victim, nowMicros);
    }
  }
}
