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

  private static final int MIN_ID_DIGITS = 6;

  private final SplittableRandom rng;
  private final String population;
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();
  private final List<FjordSegment> segments = new ArrayList<>();

  FjordUserFactory(SplittableRandom rng, String population) {
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
        logNormal(spend.typicalMedian(), spend.typicalSigma(), MIN_TYPICAL_NOK, MAX_TYPICAL_NOK);
    return new SyntheticUser(
        userId,
        home,
        home.latitude() + jitter(),
        home.longitude() + jitter(),
        Amounts.rounded(typical),
        rng.nextDouble(spend.spreadMin(), spend.spreadMax()),
        rng.nextInt(rhythm.startMin(), rhythm.startMax()),
        rng.nextInt(rhythm.endMin(), rhythm.endMax()),
        favourites(segment, rng.nextInt(habits.favouritesMin(), habits.favouritesMax())),
        devices(rng.nextInt(1, habits.devicesMax() + 1)),
        Integer.toString(10_000 + rng.nextInt(10_000)).substring(1),
        rng.nextDouble(habits.onlineMin(), habits.onlineMax()),
        logNormal(rhythm.rateMedian(), rhythm.rateSigma(), MIN_RATE, MAX_RATE));
  }

  /** Distinct merchants, drawn by the segment's category mix. */
  private List<Merchant> favourites(FjordSegment segment, int count) {
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
