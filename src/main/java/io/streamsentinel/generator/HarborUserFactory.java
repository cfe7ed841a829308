package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * Draws the population of the held-out {@link World#HARBOR} world: each user belongs to a {@link
 * HarborSegment}, which sets their amount scale in yen, rhythm and habits; homes are spread over
 * {@link HarborCities} by population.
 */
final class HarborUserFactory {

  // A typical purchase below 300 yen or above 60,000 yen is no one's habit; clipping keeps the
  // fraud multiples of it within the codec's default amount bound. About 5 km of home jitter:
  // Japanese cities are dense, users live closer to the centre than elsewhere.
  private static final SegmentedPopulation.Bounds BOUNDS =
      new SegmentedPopulation.Bounds(300, 60_000, 0.5, 15.0, 0.05, Amounts::wholeUnits);

  /** Mixed into the seed, so that a seed's harbor users never share ids with its default ones. */
  private static final long POPULATION_SALT = 0x4841_5242_4F52L; // "HARBOR"

  private HarborUserFactory() {}

  /** The population tag of a seed in this world; see {@link UserFactory#populationTag}. */
  static String populationTag(long seed) {
    return UserFactory.populationTag(seed ^ POPULATION_SALT);
  }

  /** The world's population for a seed, drawn from {@code rng}. */
  static SegmentedPopulation<HarborSegment> population(SplittableRandom rng, long seed) {
    return new SegmentedPopulation<>(
        rng,
        populationTag(seed),
        HarborSegment::draw,
        (segment, random) -> HarborCities.drawHome(random),
        BOUNDS);
  }
}
