package io.streamsentinel.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the population of the held-out {@link World#MESA} world: each user belongs to a {@link
 * MesaSegment}, which sets their amount scale in colones, rhythm, habits and reach; homes are
 * spread over {@link MesaCities} by population. Remembers each user's segment, which everyday
 * spending (trips, paydays, loyalty) and the fraud planner need, and which is never on the wire.
 */
final class MesaUserFactory {

  // A typical purchase below 1,000 or above 200,000 colones is no one's habit; clipping keeps the
  // multiples of it that amounts reach within the codec's default amount bound.
  private static final double MIN_TYPICAL_CRC = 1_000;
  private static final double MAX_TYPICAL_CRC = 200_000;
  private static final double MIN_RATE = 0.4;
  private static final double MAX_RATE = 14.0;

  /** About 4 km: the plateau's towns run into each other, homes lie close to their centres. */
  private static final double HOME_JITTER_DEGREES = 0.04;

  /** Mixed into the seed, so that a seed's mesa users never share ids with other worlds' ones. */
  private static final long POPULATION_SALT = 0x4D_4553_41L; // "MESA"

  private final SplittableRandom rng;
  private final PopulationDraws draws;
  private final String population;
  private final List<MesaSegment> segments = new ArrayList<>();

  MesaUserFactory(SplittableRandom rng, String population) {
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
  MesaSegment[] segments() {
    return segments.toArray(MesaSegment[]::new);
  }

  private SyntheticUser create(String userId) {
    MesaSegment segment = MesaSegment.draw(rng);
    segments.add(segment);
    MesaSegment.Purse purse = segment.purse();
    MesaSegment.Hours hours = segment.hours();
    MesaSegment.Ways ways = segment.ways();
    City home = MesaCities.drawHome(rng);
    double typical =
        draws.logNormal(
            purse.typicalMedian(), purse.typicalSigma(), MIN_TYPICAL_CRC, MAX_TYPICAL_CRC);
    return new SyntheticUser(
        userId,
        home,
        home.latitude() + draws.jitter(HOME_JITTER_DEGREES),
        home.longitude() + draws.jitter(HOME_JITTER_DEGREES),
        Amounts.wholeUnits(typical),
        rng.nextDouble(purse.spreadMin(), purse.spreadMax()),
        rng.nextInt(hours.startMin(), hours.startMax()),
        rng.nextInt(hours.endMin(), hours.endMax()),
        draws.favourites(
            () -> segment.drawCategory(rng),
            rng.nextInt(ways.favouritesMin(), ways.favouritesMax())),
        draws.devices(rng.nextInt(1, ways.devicesMax() + 1)),
        draws.cardLast4(),
        rng.nextDouble(ways.onlineMin(), ways.onlineMax()),
        draws.logNormal(hours.rateMedian(), hours.rateSigma(), MIN_RATE, MAX_RATE));
  }
}
