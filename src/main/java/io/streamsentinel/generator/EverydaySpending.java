package io.streamsentinel.generator;

/** How a world plans its users' everyday, legitimate transactions. */
interface EverydaySpending {

  /** An everyday transaction of {@code user} at {@code atMicros}; marks its merchant visited. */
  PlannedEvent plan(UserState user, long atMicros, long order);
}
