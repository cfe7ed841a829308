package io.streamsentinel.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the population of the held-out {@link World#HARBOR} world: each user belongs to a {@link
 * HarborSegment}, which sets their amount scale in yen, rhythm and habits; homes are spread over
 * {@link HarborCities} by population.
 */
final class HarborUserFactory {

  // A typical purchase below 300 yen or above 60,000 yen is no one's habit; clipping keeps the
  // fraud multiples of it within the codec's default amount bound.
  private static final double MIN_TYPICAL_YEN = 300;
  private static final double MAX_TYPICAL_YEN = 60_000;
  private static final double MIN_RATE = 0.5;
  private static final double MAX_RATE = 15.0;

  /** About 5 km: Japanese cities are dense, users live closer to the centre than elsewhere. */
  private static final double HOME_JITTER_DEGREES = 0.05;

  /** Mixed into the seed, so that a seed's harbor users never share ids with its default ones. */
  private static final long POPULATION_SALT = 0x4841_5242_4F52L; // "HARBOR"

  private static final int MAX_DEVICES = 3;

  private final SplittableRandom rng;
  private final String population;
  private final PopulationDraws draws;

  HarborUserFactory(SplittableRandom rng, String population) {
    this.rng = rng;
    this.draws = new PopulationDraws(rng);
    this.population = population;
  }

  /** The population tag of a seed in this world; see {@link UserFactory#populationTag}. */
  static String populationTag(long seed) {
    return UserFactory.populationTag(seed ^ POPULATION_SALT);
  }

  /** {@code count} users with ids {@code user_<population>_000000} upwards, in index order. */
  List<SyntheticUser> create(int count) {
    return PopulationDraws.numbered(population, count, this::create);
  }

  private SyntheticUser create(String userId) {
    HarborSegment segment = HarborSegment.draw(rng);
    HarborSegment.Spend spend = segment.spend();
    HarborSegment.Rhythm rhythm = segment.rhythm();
    HarborSegment.Habits habits = segment.habits();
    City home = HarborCities.drawHome(rng);
    double typical =
        draws.logNormal(
            spend.typicalMedian(), spend.typicalSigma(), MIN_TYPICAL_YEN, MAX_TYPICAL_YEN);
    return new SyntheticUser(
        userId,
        home,
        home.latitude() + draws.jitter(HOME_JITTER_DEGREES),
        home.longitude() + draws.jitter(HOME_JITTER_DEGREES),
        Amounts.wholeUnits(typical),
        rng.nextDouble(spend.spreadMin(), spend.spreadMax()),
        rng.nextInt(rhythm.startMin(), rhythm.startMax()),
        rng.nextInt(rhythm.endMin(), rhythm.endMax()),
        draws.favourites(
            () -> segment.drawCategory(rng),
            rng.nextInt(habits.favouritesMin(), habits.favouritesMax())),
        draws.devices(rng.nextInt(1, MAX_DEVICES + 1)),
        draws.cardLast4(),
        rng.nextDouble(habits.onlineMin(), habits.onlineMax()),
        draws.logNormal(rhythm.rateMedian(), rhythm.rateSigma(), MIN_RATE, MAX_RATE));
  }
}
