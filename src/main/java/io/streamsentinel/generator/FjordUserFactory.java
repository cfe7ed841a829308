package io.streamsentinel.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the population of the held-out {@link World#FJORD} world: each user belongs to a {@link
 * FjordSegment}, which sets their amount scale in kroner, rhythm and habits; homes are spread over
 * {@link FjordCities} by population. Remembers each user's segment, which the fraud planner needs
 * to pick the victims some fraud prefers, and which is never on the wire.
 */
final class FjordUserFactory {

  // A typical purchase below 50 or above 8,000 kroner is no one's habit; clipping keeps the fraud
  // multiples of it far within the codec's default amount bound.
  private static final double MIN_TYPICAL_NOK = 50;
  private static final double MAX_TYPICAL_NOK = 8_000;
  private static final double MIN_RATE = 0.5;
  private static final double MAX_RATE = 14.0;

  /** About 6 km: Norwegian towns are small, suburbs spread along the fjord. */
  private static final double HOME_JITTER_DEGREES = 0.06;

  /** Mixed into the seed, so that a seed's fjord users never share ids with other worlds' ones. */
  private static final long POPULATION_SALT = 0x464A_4F52_44L; // "FJORD"

  private final SplittableRandom rng;
  private final String population;
  private final PopulationDraws draws;
  private final List<FjordSegment> segments = new ArrayList<>();

  FjordUserFactory(SplittableRandom rng, String population) {
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

  /** The segment of every user created so far, in index order. */
  FjordSegment[] segments() {
    return segments.toArray(FjordSegment[]::new);
  }

  private SyntheticUser create(String userId) {
    FjordSegment segment = FjordSegment.draw(rng);
    segments.add(segment);
    FjordSegment.Spend spend = segment.spend();
    FjordSegment.Rhythm rhythm = segment.rhythm();
    FjordSegment.Habits habits = segment.habits();
    City home = FjordCities.drawHome(rng);
    double typical =
        draws.logNormal(
            spend.typicalMedian(), spend.typicalSigma(), MIN_TYPICAL_NOK, MAX_TYPICAL_NOK);
    return new SyntheticUser(
        userId,
        home,
        home.latitude() + draws.jitter(HOME_JITTER_DEGREES),
        home.longitude() + draws.jitter(HOME_JITTER_DEGREES),
        Amounts.rounded(typical),
        rng.nextDouble(spend.spreadMin(), spend.spreadMax()),
        rng.nextInt(rhythm.startMin(), rhythm.startMax()),
        rng.nextInt(rhythm.endMin(), rhythm.endMax()),
        draws.favourites(
            () -> segment.drawCategory(rng),
            rng.nextInt(habits.favouritesMin(), habits.favouritesMax())),
        draws.devices(rng.nextInt(1, habits.devicesMax() + 1)),
        draws.cardLast4(),
        rng.nextDouble(habits.onlineMin(), habits.onlineMax()),
        draws.logNormal(rhythm.rateMedian(), rhythm.rateSigma(), MIN_RATE, MAX_RATE));
  }
}
