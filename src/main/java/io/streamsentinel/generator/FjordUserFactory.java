package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * Draws the population of the held-out {@link World#FJORD} world: each user belongs to a {@link
 * FjordSegment}, which sets their amount scale in kroner, rhythm and habits; homes are spread over
 * {@link FjordCities} by population. The fraud planner needs each user's segment to pick the
 * victims some fraud prefers.
 */
final class FjordUserFactory {

  // A typical purchase below 50 or above 8,000 kroner is no one's habit; clipping keeps the fraud
  // multiples of it far within the codec's default amount bound. About 6 km of home jitter:
  // Norwegian towns are small, suburbs spread along the fjord.
  private static final SegmentedPopulation.Bounds BOUNDS =
      new SegmentedPopulation.Bounds(50, 8_000, 0.5, 14.0, 0.06, Amounts::rounded);

  /** Mixed into the seed, so that a seed's fjord users never share ids with other worlds' ones. */
  private static final long POPULATION_SALT = 0x464A_4F52_44L; // "FJORD"

  private FjordUserFactory() {}

  /** The population tag of a seed in this world; see {@link UserFactory#populationTag}. */
  static String populationTag(long seed) {
    return UserFactory.populationTag(seed ^ POPULATION_SALT);
  }

  /** The world's population for a seed, drawn from {@code rng}. */
  static SegmentedPopulation<FjordSegment> population(SplittableRandom rng, long seed) {
    return new SegmentedPopulation<>(
        rng,
        populationTag(seed),
        FjordSegment::draw,
        (segment, random) -> FjordCities.drawHome(random),
        BOUNDS);
  }
}
