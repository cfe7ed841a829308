package io.streamsentinel.generator;

import java.util.ArrayList;
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

  private static final int MIN_ID_DIGITS = 6;
  private static final int MAX_DEVICES = 3;

  private final SplittableRandom rng;
  private final String population;
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();

  HarborUserFactory(SplittableRandom rng, String population) {
    this.rng = rng;
    this.population = population;
  }

  /** The population tag of a seed in this world; see {@link UserFactory#populationTag}. */
  static String populationTag(long seed) {
    return UserFactory.populationTag(seed ^ POPULATION_SALT);
  }

  /** {@code count} users with ids {@code user_<population>_000000} upwards, in index order. */
  List<SyntheticUser> create(int count) {
    int digits = Math.max(MIN_ID_DIGITS, Integer.toString(count - 1).length());
    List<SyntheticUser> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      users.add(create(UserFactory.userId(population, i, digits)));
    }
    return List.copyOf(users);
  }

  private SyntheticUser create(String userId) {
    HarborSegment segment = HarborSegment.draw(rng);
    HarborSegment.Spend spend = segment.spend();
    HarborSegment.Rhythm rhythm = segment.rhythm();
    HarborSegment.Habits habits = segment.habits();
    City home = HarborCities.drawHome(rng);
    double typical =
        logNormal(spend.typicalMedian(), spend.typicalSigma(), MIN_TYPICAL_YEN, MAX_TYPICAL_YEN);
    return new SyntheticUser(
        userId,
        home,
        home.latitude() + jitter(),
        home.longitude() + jitter(),
        Amounts.wholeUnits(typical),
        rng.nextDouble(spend.spreadMin(), spend.spreadMax()),
        rng.nextInt(rhythm.startMin(), rhythm.startMax()),
        rng.nextInt(rhythm.endMin(), rhythm.endMax()),
        favourites(segment, rng.nextInt(habits.favouritesMin(), habits.favouritesMax())),
        devices(rng.nextInt(1, MAX_DEVICES + 1)),
        Integer.toString(10_000 + rng.nextInt(10_000)).substring(1),
        rng.nextDouble(habits.onlineMin(), habits.onlineMax()),
        logNormal(rhythm.rateMedian(), rhythm.rateSigma(), MIN_RATE, MAX_RATE));
  }

  /** Distinct merchants, drawn by the segment's category mix. */
  private List<Merchant> favourites(HarborSegment segment, int count) {
    List<Merchant> chosen = new ArrayList<>(count);
    while (chosen.size() < count) {
      int[] candidates = merchantsByCategory[segment.drawCategory(rng).ordinal()];
      Merchant merchant = MerchantCatalog.get(candidates[rng.nextInt(candidates.length)]);
      if (!chosen.contains(merchant)) {
        chosen.add(merchant);
      }
    }
    return chosen;
  }

  private List<String> devices(int count) {
    List<String> devices = new ArrayList<>(count);
    while (devices.size() < count) {
      devices.add(UserFactory.deviceIdNotIn(devices, rng));
    }
    return devices;
  }

  private double logNormal(double median, double sigma, double min, double max) {
    double value = median * Math.exp(sigma * rng.nextGaussian());
    return Math.min(max, Math.max(min, value));
  }

  private double jitter() {
    return rng.nextDouble(-HOME_JITTER_DEGREES, HOME_JITTER_DEGREES);
  }
}
