package io.streamsentinel.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Draws the population of a segmented world (harbor, fjord, mesa, savanna, steppe): each user
 * belongs to a segment, which sets their amount scale, rhythm and habits; homes are spread over the
 * world's cities. Every such world draws a user's traits in the same order from its own random
 * stream, so one copy of that order serves them all. Remembers each user's segment, which the
 * world's spending and fraud planner may need, and which is never on the wire.
 *
 * @param <S> the world's segment enum
 */
final class SegmentedPopulation<S extends CardHolderSegment> {

  /**
   * What bounds a world's users.
   *
   * @param minTypical smallest typical purchase, in the world's currency
   * @param maxTypical largest; with the fraud multiples of it, within the codec's amount bound
   * @param minRate fewest transactions per day
   * @param maxRate most
   * @param homeJitterDegrees how far from the city centre homes lie, in degrees either way
   * @param money how the typical purchase is rounded: to the cent, or to whole units
   */
  record Bounds(
      double minTypical,
      double maxTypical,
      double minRate,
      double maxRate,
      double homeJitterDegrees,
      DoubleFunction<BigDecimal> money) {}

  private final SplittableRandom rng;
  private final PopulationDraws draws;
  private final String population;
  private final Function<SplittableRandom, S> segmentDraw;
  private final BiFunction<S, SplittableRandom, City> homeDraw;
  private final Bounds bounds;
  private final List<S> segments = new ArrayList<>();
  private final Map<SyntheticUser, S> segmentsByUser = new IdentityHashMap<>();

  /**
   * @param population the population tag of the user ids
   * @param segmentDraw a segment, in proportion to its share of the population
   * @param homeDraw a home city for a user of a segment, in proportion to population (of the
   *     segment, where a world spreads its segments differently)
   */
  SegmentedPopulation(
      SplittableRandom rng,
      String population,
      Function<SplittableRandom, S> segmentDraw,
      BiFunction<S, SplittableRandom, City> homeDraw,
      Bounds bounds) {
    this.rng = rng;
    this.draws = new PopulationDraws(rng);
    this.population = population;
    this.segmentDraw = segmentDraw;
    this.homeDraw = homeDraw;
    this.bounds = bounds;
  }

  /** {@code count} users with ids {@code user_<population>_000000} upwards, in index order. */
  List<SyntheticUser> create(int count) {
    return PopulationDraws.numbered(population, count, this::create);
  }

  /** The segment of every user created so far, in index order; immutable. */
  List<S> segments() {
    return List.copyOf(segments);
  }

  /** The segment of every user created so far, by the user (by identity); unmodifiable. */
  Map<SyntheticUser, S> segmentsByUser() {
    return Collections.unmodifiableMap(segmentsByUser);
  }

  private SyntheticUser create(String userId) {
    S segment = segmentDraw.apply(rng);
    segments.add(segment);
    CardHolderSegment.Spend spend = segment.spend();
    CardHolderSegment.Rhythm rhythm = segment.rhythm();
    CardHolderSegment.Habits habits = segment.habits();
    City home = homeDraw.apply(segment, rng);
    double typical =
        draws.logNormal(
            spend.typicalMedian(), spend.typicalSigma(), bounds.minTypical(), bounds.maxTypical());
    SyntheticUser user =
        new SyntheticUser(
            userId,
            home,
            home.latitude() + draws.jitter(bounds.homeJitterDegrees()),
            home.longitude() + draws.jitter(bounds.homeJitterDegrees()),
            bounds.money().apply(typical),
            rng.nextDouble(spend.spreadMin(), spend.spreadMax()),
            rng.nextInt(rhythm.startMin(), rhythm.startMax()),
            rng.nextInt(rhythm.endMin(), rhythm.endMax()),
            draws.favourites(
                () -> segment.drawCategory(rng),
                rng.nextInt(habits.favouritesMin(), habits.favouritesMax())),
            draws.devices(rng.nextInt(1, habits.devicesMax() + 1)),
            draws.cardLast4(),
            rng.nextDouble(habits.onlineMin(), habits.onlineMax()),
            draws.logNormal(
                rhythm.rateMedian(), rhythm.rateSigma(), bounds.minRate(), bounds.maxRate()));
    segmentsByUser.put(user, segment);
    return user;
  }
}
