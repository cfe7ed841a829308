package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * Draws the population of the held-out {@link World#SAVANNA} world: each user belongs to a {@link
 * SavannaSegment}, which sets their amount scale in shillings, rhythm, habits and home town.
 * Everyday spending (paydays, restocks, trips, relatives abroad, loyalty) and the fraud planner
 * need each user's segment.
 */
final class SavannaUserFactory {

  // A typical purchase below 100 or above 60,000 shillings is no one's habit; clipping keeps the
  // multiples of it that amounts reach within the codec's default amount bound. About 5 km of home
  // jitter: towns sprawl along their main roads.
  private static final SegmentedPopulation.Bounds BOUNDS =
      new SegmentedPopulation.Bounds(100, 60_000, 0.3, 16.0, 0.05, Amounts::wholeUnits);

  /** Mixed into the seed, so that a seed's savanna users never share ids with other worlds'. */
  private static final long POPULATION_SALT = 0x5341_5641_4E4E_41L; // "SAVANNA"

  private SavannaUserFactory() {}

  /** The population tag of a seed in this world; see {@link UserFactory#populationTag}. */
  static String populationTag(long seed) {
    return UserFactory.populationTag(seed ^ POPULATION_SALT);
  }

  /** The world's population for a seed, drawn from {@code rng}. */
  static SegmentedPopulation<SavannaSegment> population(SplittableRandom rng, long seed) {
    return new SegmentedPopulation<>(
        rng, populationTag(seed), SavannaSegment::draw, SavannaSegment::drawHome, BOUNDS);
  }
}
