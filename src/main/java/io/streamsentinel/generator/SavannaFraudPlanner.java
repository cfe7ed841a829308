package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Decides when fraud starts in the held-out {@link World#SAVANNA} world and plans its events into a
 * queue ordered by time, as {@link FraudPlanner} does for the default world: a pattern starts after
 * a normal event with the probability that makes the labelled share match the fraud rate.
 *
 * <p>Two kinds strike where a card was just used, so they wait for the right genuine payment: a
 * card swap for the next withdrawal at an ATM, a double swipe for the next payment in person at a
 * restaurant or a fuel station (where staff take the card), of someone no other pattern is under
 * way against. Such a pattern is owed until then; it still comes, so the labelled share keeps to
 * the fraud rate.
 */
final class SavannaFraudPlanner extends QueuedFraudSource {

  /**
   * Share of household card misuse whose victim lives in a household with others who could use it.
   */
  private static final double HOUSEHOLD_VICTIM_SHARE = 0.7;

  /** Share of purchase scams whose victim is a student, who buys most from social media. */
  private static final double STUDENT_VICTIM_SHARE = 0.5;

  private final int[] households;
  private final int[] students;
  private final PatternStarts<SavannaFraudPattern> starts;
  private final VictimPicker victims;
  private final SavannaPatternEvents events;
  private final Supplier<PlannedEvent> lastEveryday;
  private int owedCardSwaps;
  private int owedDoubleSwipes;

  /**
   * @param segments the segment of each user, in the order of {@code users}
   * @param lastEveryday the everyday event planned last: the one {@link #afterNormalEvent} follows
   */
  SavannaFraudPlanner(
      SplittableRandom rng,
      UserState[] users,
      List<SavannaSegment> segments,
      SimulatedTimeline timeline,
      double fraudRate,
      Supplier<PlannedEvent> lastEveryday) {
    VictimPicker.requireOnePerUser(segments, users);
    this.households =
        VictimPicker.indicesOf(
            segments,
            s -> s == SavannaSegment.SALARIED_WORKER || s == SavannaSegment.DIASPORA_FUNDED);
    this.students = VictimPicker.indicesOf(segments, s -> s == SavannaSegment.STUDENT);
    this.starts = new PatternStarts<>(rng, SavannaFraudPattern.values(), fraudRate);
    this.victims = new VictimPicker(rng, users);
    this.events = new SavannaPatternEvents(rng, timeline, this::schedule);
    this.lastEveryday = lastEveryday;
  }

  /**
   * Maybe starts a pattern, then lets an owed card swap or double swipe strike this event when it
   * is the genuine payment such a pattern waits for. Victims of the others are drawn uniformly,
   * except that misuse in the household mostly hits households and purchase scams mostly students.
   */
  @Override
  public void afterNormalEvent(UserState current, long nowMicros) {
    SavannaFraudPattern pattern = starts.next();
    if (pattern != null) {
      switch (pattern) {
        case ATM_CARD_SWAP -> owedCardSwaps++;
        case STAFF_DOUBLE_SWIPE -> owedDoubleSwipes++;
        case CROSS_BORDER_REMOTE_PURCHASE ->
            events.crossBorderRemotePurchase(victims.anyone(), nowMicros);
        case KNOWN_PERSON_CARD_MISUSE ->
            events.knownPersonCardMisuse(
                victims.preferring(households, HOUSEHOLD_VICTIM_SHARE), nowMicros);
        case ONLINE_PURCHASE_SCAM ->
            events.onlinePurchaseScam(
                victims.preferring(students, STUDENT_VICTIM_SHARE), nowMicros);
      }
    }
    PlannedEvent genuine = lastEveryday.get();
    if (genuine == null
        || genuine.user() != current
        || genuine.atMicros() != nowMicros
        || current.lastAtMicros() > nowMicros) {
      return; // not the event just emitted, or its user is in the middle of another pattern
    }
    if (owedCardSwaps > 0 && genuine.channel() == Channel.ATM) {
      owedCardSwaps--;
      events.atmCardSwap(genuine);
    } else if (owedDoubleSwipes > 0 && isAtAStaffedCounter(genuine)) {
      owedDoubleSwipes--;
      events.staffDoubleSwipe(genuine);
    }
  }

  /** A payment in person where staff take the card away: at a restaurant or a fuel station. */
  private static boolean isAtAStaffedCounter(PlannedEvent event) {
    MerchantCategory category = event.merchant().category();
    return event.channel() == Channel.CARD_PRESENT
        && (category == MerchantCategory.RESTAURANTS || category == MerchantCategory.FUEL);
  }
}
