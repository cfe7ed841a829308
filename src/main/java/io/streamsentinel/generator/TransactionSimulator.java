package io.streamsentinel.generator;

import io.streamsentinel.domain.Transaction;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An endless, deterministic stream of synthetic card transactions with labelled fraud. The same
 * {@link GeneratorSettings} always give the same sequence of events.
 *
 * <p>Event time is simulated: everyday transactions follow each user's Poisson process (see {@link
 * ArrivalProcess}) on a clock that starts at {@link GeneratorSettings#start()} and advances only
 * with the events, never with the wall clock, so behaviour per user stays realistic however fast
 * the caller drains the stream. Fraud patterns are planned ahead into a time-ordered queue and
 * merged in, so timestamps never decrease across the whole stream.
 *
 * <p>Not thread-safe: one simulator belongs to one producing thread.
 */
public final class TransactionSimulator {

  private final List<SyntheticUser> users;
  private final SimulatedTimeline timeline;
  private final ArrivalProcess arrivals;
  private final NormalSpending spending;
  private final FraudPlanner fraud;

  /** {@code tx_<seed in hex>_}, built once so an id costs one concatenation. */
  private final String idPrefix;

  private UserState pendingUser;
  private long pendingAtMicros;
  private long generated;

  public TransactionSimulator(GeneratorSettings settings) {
    // One independent stream per concern, so that for instance changing the fraud rate leaves the
    // users and their everyday transactions exactly as they were.
    SplittableRandom master = new SplittableRandom(settings.seed());
    this.users =
        new UserFactory(master.split(), UserFactory.populationTag(settings.seed()))
            .create(settings.users());
    UserState[] states = users.stream().map(UserState::new).toArray(UserState[]::new);
    this.timeline = new SimulatedTimeline(settings.start());
    this.arrivals = new ArrivalProcess(states, timeline, master.split());
    this.spending = new NormalSpending(master.split());
    this.fraud = new FraudPlanner(master.split(), states, timeline, settings.fraudRate());
    this.idPrefix = "tx_" + Long.toHexString(settings.seed()) + "_";
  }

  /** The next transaction; never null, never ends. Timestamps never decrease. */
  public Transaction next() {
    if (pendingUser == null) {
      pendingUser = arrivals.next();
      pendingAtMicros = arrivals.clockMicros();
    }
    PlannedEvent planned = fraud.peek();
    if (planned != null && planned.atMicros() <= pendingAtMicros) {
      return emit(fraud.poll());
    }
    UserState user = pendingUser;
    pendingUser = null;
    Transaction transaction = emit(spending.plan(user, pendingAtMicros, 0));
    fraud.afterNormalEvent(user, pendingAtMicros);
    return transaction;
  }

  /** The synthetic users, in index order ({@code user_<population>_000000} first); immutable. */
  public List<SyntheticUser> users() {
    return users;
  }

  /** How many transactions {@link #next()} has returned. */
  public long generated() {
    return generated;
  }

  private Transaction emit(PlannedEvent event) {
    event.user().noteEvent(event.atMicros(), event.latitude(), event.longitude());
    SyntheticUser user = event.user().user;
    FraudPattern pattern = event.pattern();
    Merchant merchant = event.merchant();
    return new Transaction(
        Transaction.TRANSACTION_CREATED,
        idPrefix + generated++,
        user.userId(),
        event.amount(),
        timeline.instantAt(event.atMicros()),
        merchant.name(),
        user.currency(),
        merchant.category().wireName(),
        event.city().country(),
        event.city().name(),
        event.latitude(),
        event.longitude(),
        event.channel(),
        event.deviceId(),
        user.cardLast4(),
        pattern != null,
        pattern == null ? null : pattern.wireName());
  }
}
