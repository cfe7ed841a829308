package io.streamsentinel.generator;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Picks the victim of a fraud pattern: uniformly (thieves do not pick cards by how often they are
 * used), or with a preference for one segment of the population, as scammers who reach some people
 * more than others. Draws from the planner's own random stream.
 */
final class VictimPicker {

  /** How many times {@link #notUnderWay} draws again at most. */
  static final int REDRAWS = 10;

  private final SplittableRandom rng;
  private final UserState[] users;

  VictimPicker(SplittableRandom rng, UserState[] users) {
    this.rng = rng;
    this.users = users;
  }

  /** Any user, uniformly. */
  UserState anyone() {
    return users[rng.nextInt(users.length)];
  }

  /**
   * With chance {@code share} one of the users at {@code group} (indices into the users), else
   * anyone, the group included; anyone when the group is empty.
   */
  UserState preferring(int[] group, double share) {
    if (group.length > 0 && rng.nextDouble() < share) {
      return users[group[rng.nextInt(group.length)]];
    }
    return anyone();
  }

  /**
   * A victim drawn by {@code draw}, drawn again while another pattern is under way against the one
   * drawn (an event of theirs planned after {@code now}), at most {@link #REDRAWS} times: the last
   * drawn then, whoever it is.
   */
  UserState notUnderWay(Supplier<UserState> draw, long now) {
    UserState victim = draw.get();
    for (int i = 0; i < REDRAWS && victim.lastAtMicros() > now; i++) {
      victim = draw.get();
    }
    return victim;
  }

  /**
   * The indices of the users whose segment passes {@code wanted}, ascending.
   *
   * @param segments the segment of each user, in the order of the users
   */
  static <S> int[] indicesOf(List<S> segments, Predicate<S> wanted) {
    return IntStream.range(0, segments.size()).filter(i -> wanted.test(segments.get(i))).toArray();
  }

  /** Fails unless there is one segment per user. */
  static void requireOnePerUser(List<?> segments, UserState[] users) {
    if (segments.size() != users.length) {
      throw new IllegalArgumentException("one segment per user");
    }
  }
}
