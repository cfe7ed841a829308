package io.streamsentinel.generator;

import io.streamsentinel.domain.Transaction;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An endless, deterministic stream of synthetic card transactions with labelled fraud, in the
 * {@link World} the settings name. The same {@link GeneratorSettings} always give the same sequence
 * of events.
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
  private final EverydaySpending spending;
  private final FraudSource fraud;

  /**
   * {@code tx_<seed in hex>_} ({@code tx_<world>_<seed in hex>_} outside the default world), built
   * once so an id costs one concatenation.
   */
  private final String idPrefix;

  private UserState pendingUser;
  private long pendingAtMicros;
  private long generated;

  public TransactionSimulator(GeneratorSettings settings) {
    // One independent stream per concern, so that for instance changing the fraud rate leaves the
    // users and their everyday transactions exactly as they were. Every world splits them in the
    // same order; the default world's stream is what it was before other worlds existed.
    SplittableRandom master = new SplittableRandom(settings.seed());
    World world = settings.world();
    // The fjord world's fraud and the mesa, savanna and steppe worlds' spending and fraud need to
    // know the users' segments; the population is kept for them.
    SegmentedPopulation<FjordSegment> fjordUsers =
        world == World.FJORD ? FjordUserFactory.population(master.split(), settings.seed()) : null;
    SegmentedPopulation<MesaSegment> mesaUsers =
        world == World.MESA ? MesaUserFactory.population(master.split(), settings.seed()) : null;
    SegmentedPopulation<SavannaSegment> savannaUsers =
        world == World.SAVANNA
            ? SavannaUserFactory.population(master.split(), settings.seed())
            : null;
    SegmentedPopulation<SteppeSegment> steppeUsers =
        world == World.STEPPE
            ? SteppeUserFactory.population(master.split(), settings.seed())
            : null;
    this.users =
        switch (world) {
          case DEFAULT ->
              new UserFactory(master.split(), UserFactory.populationTag(settings.seed()))
                  .create(settings.users());
          case HARBOR ->
              HarborUserFactory.population(master.split(), settings.seed())
                  .create(settings.users());
          case FJORD -> fjordUsers.create(settings.users());
          case MESA -> mesaUsers.create(settings.users());
          case SAVANNA -> savannaUsers.create(settings.users());
          case STEPPE -> steppeUsers.create(settings.users());
        };
    UserState[] states = users.stream().map(UserState::new).toArray(UserState[]::new);
    this.timeline = new SimulatedTimeline(settings.start());
    this.arrivals = new ArrivalProcess(states, timeline, master.split());
    // Kept for the savanna world's planner (see SavannaFraudPlanner).
    SavannaSpending savannaSpending = null;
    this.spending =
        switch (world) {
          case DEFAULT -> new NormalSpending(master.split());
          case HARBOR -> new HarborSpending(master.split());
          case FJORD -> new FjordSpending(master.split());
          case MESA -> new MesaSpending(master.split(), timeline, mesaUsers.segmentsByUser());
          case SAVANNA ->
              savannaSpending =
                  new SavannaSpending(master.split(), timeline, savannaUsers.segmentsByUser());
          case STEPPE -> new SteppeSpending(master.split(), timeline, steppeUsers.segmentsByUser());
        };
    this.fraud =
        switch (world) {
          case DEFAULT -> new FraudPlanner(master.split(), states, timeline, settings.fraudRate());
          case HARBOR ->
              new HarborFraudPlanner(master.split(), states, timeline, settings.fraudRate());
          case FJORD ->
              new FjordFraudPlanner(
                  master.split(), states, fjordUsers.segments(), timeline, settings.fraudRate());
          case MESA ->
              new MesaFraudPlanner(
                  master.split(), states, mesaUsers.segments(), timeline, settings.fraudRate());
          case SAVANNA ->
              new SavannaFraudPlanner(
                  master.split(),
                  states,
                  savannaUsers.segments(),
                  timeline,
                  settings.fraudRate(),
                  savannaSpending::lastPlanned);
          case STEPPE ->
              new SteppeFraudPlanner(
                  master.split(), states, steppeUsers.segments(), timeline, settings.fraudRate());
        };
    // Worlds' ids must not meet each other's of the same seed in the dedup store.
    String hexSeed = Long.toHexString(settings.seed());
    this.idPrefix =
        world == World.DEFAULT
            ? "tx_" + hexSeed + "_"
            : "tx_" + world.wireName() + "_" + hexSeed + "_";
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
    FraudKind pattern = event.pattern();
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
