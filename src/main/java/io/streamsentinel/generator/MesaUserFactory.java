package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * Draws the population of the held-out {@link World#MESA} world: each user belongs to a {@link
 * MesaSegment}, which sets their amount scale in colones, rhythm, habits and reach; homes are
 * spread over {@link MesaCities} by population. Everyday spending (trips, paydays, loyalty) and the
 * fraud planner need each user's segment.
 */
final class MesaUserFactory {

  // A typical purchase below 1,000 or above 200,000 colones is no one's habit; clipping keeps the
  // multiples of it that amounts reach within the codec's default amount bound. About 4 km of home
  // jitter: the plateau's towns run into each other, homes lie close to their centres.
  private static final SegmentedPopulation.Bounds BOUNDS =
      new SegmentedPopulation.Bounds(1_000, 200_000, 0.4, 14.0, 0.04, Amounts::wholeUnits);

  /** Mixed into the seed, so that a seed's mesa users never share ids with other worlds' ones. */
  private static final long POPULATION_SALT = 0x4D_4553_41L; // "MESA"

  private MesaUserFactory() {}

  /** The population tag of a seed in this world; see {@link UserFactory#populationTag}. */
  static String populationTag(long seed) {
    return UserFactory.populationTag(seed ^ POPULATION_SALT);
  }

  /** The world's population for a seed, drawn from {@code rng}. */
  static SegmentedPopulation<MesaSegment> population(SplittableRandom rng, long seed) {
    return new SegmentedPopulation<>(
        rng,
        populationTag(seed),
        MesaSegment::draw,
        (segment, random) -> MesaCities.drawHome(random),
        BOUNDS);
  }
}
