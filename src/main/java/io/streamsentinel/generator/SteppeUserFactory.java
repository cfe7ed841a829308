package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * Draws the population of the held-out {@link World#STEPPE} world: each user belongs to a {@link
 * SteppeSegment}, which sets their amount scale in tenge, rhythm, habits and home town. Everyday
 * spending (paydays, rotations, weekends away, celebrations, paying by phone) and the fraud planner
 * need each user's segment.
 */
final class SteppeUserFactory {

  // A typical purchase below 300 or above 80,000 tenge is no one's habit; clipping keeps the
  // multiples of it that amounts reach within the codec's default amount bound. About 6 km of home
  // jitter: Almaty and Astana spread wide.
  private static final SegmentedPopulation.Bounds BOUNDS =
      new SegmentedPopulation.Bounds(300, 80_000, 0.3, 16.0, 0.06, Amounts::wholeUnits);

  /** Mixed into the seed, so that a seed's steppe users never share ids with other worlds'. */
  private static final long POPULATION_SALT = 0x5354_4550_5045L; // "STEPPE"

  private SteppeUserFactory() {}

  /** The population tag of a seed in this world; see {@link UserFactory#populationTag}. */
  static String populationTag(long seed) {
    return UserFactory.populationTag(seed ^ POPULATION_SALT);
  }

  /** The world's population for a seed, drawn from {@code rng}. */
  static SegmentedPopulation<SteppeSegment> population(SplittableRandom rng, long seed) {
    return new SegmentedPopulation<>(
        rng, populationTag(seed), SteppeSegment::draw, SteppeSegment::drawHome, BOUNDS);
  }
}
