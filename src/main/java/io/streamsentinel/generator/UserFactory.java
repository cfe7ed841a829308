package io.streamsentinel.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws the population of synthetic users from a seeded random stream. */
final class UserFactory {

  // Across users the typical purchase is log-normal: median 45, about 90 % between 15 and 150.
  private static final double TYPICAL_MEDIAN = 45.0;
  private static final double TYPICAL_LOG_SIGMA = 0.7;
  private static final double MIN_TYPICAL = 5.0;
  private static final double MAX_TYPICAL = 1_000.0;
  // Per-day activity: median 4 transactions, clipped to a plausible 1-12.
  private static final double RATE_MEDIAN = 4.0;
  private static final double RATE_LOG_SIGMA = 0.6;
  private static final double MIN_RATE = 1.0;
  private static final double MAX_RATE = 12.0;

  /** About 9 km: users live across the city, not on its centre point. */
  private static final double HOME_JITTER_DEGREES = 0.08;

  private static final int MIN_ID_DIGITS = 6;

  private static final int TAG_LENGTH = 6;
  private static final long TAG_VALUES = 36L * 36 * 36 * 36 * 36 * 36;

  private final SplittableRandom rng;
  private final String population;
  private final List<City> cities = CityCatalog.all();
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();

  /**
   * @param population the tag in every user id of this population, see {@link #populationTag}
   */
  UserFactory(SplittableRandom rng, String population) {
    this.rng = rng;
    this.population = population;
  }

  /**
   * Six base-36 characters naming the population a seed draws. User ids carry it, so runs with
   * different seeds do not share users (two seeds get the same tag with a chance of one in about
   * two billion): otherwise a second run's users would meet the detector's profiles of the first
   * run's different people under the same ids (another home, other cards and devices) and look like
   * account takeovers.
   */
  static String populationTag(long seed) {
    long mixed = seed * 0x9E37_79B9_7F4A_7C15L; // spread nearby seeds over the whole range
    mixed ^= mixed >>> 29;
    String tag = Long.toString(Math.floorMod(mixed, TAG_VALUES), 36);
    return "0".repeat(TAG_LENGTH - tag.length()) + tag;
  }

  /** {@code count} users with ids {@code user_<population>_000000} upwards, in index order. */
  List<SyntheticUser> create(int count) {
    int digits = Math.max(MIN_ID_DIGITS, Integer.toString(count - 1).length());
    List<SyntheticUser> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      users.add(create(userId(population, i, digits)));
    }
    return List.copyOf(users);
  }

  private SyntheticUser create(String userId) {
    City home = cities.get(rng.nextInt(cities.size()));
    double typical = logNormal(TYPICAL_MEDIAN, TYPICAL_LOG_SIGMA, MIN_TYPICAL, MAX_TYPICAL);
    return new SyntheticUser(
        userId,
        home,
        home.latitude() + jitter(),
        home.longitude() + jitter(),
        BigDecimal.valueOf(typical).setScale(2, RoundingMode.HALF_UP),
        rng.nextDouble(0.25, 0.7),
        rng.nextInt(6, 11),
        rng.nextInt(19, 24),
        favourites(rng.nextInt(3, 9)),
        devices(rng.nextInt(1, 3)),
        Integer.toString(10_000 + rng.nextInt(10_000)).substring(1),
        rng.nextDouble(0.05, 0.5),
        logNormal(RATE_MEDIAN, RATE_LOG_SIGMA, MIN_RATE, MAX_RATE));
  }

  /** Distinct merchants, drawn like everyday purchases so groceries beat jewellery. */
  private List<Merchant> favourites(int count) {
    List<Merchant> chosen = new ArrayList<>(count);
    while (chosen.size() < count) {
      MerchantCategory category = MerchantCategory.drawEveryday(rng);
      int[] candidates = merchantsByCategory[category.ordinal()];
      Merchant merchant = MerchantCatalog.get(candidates[rng.nextInt(candidates.length)]);
      if (!chosen.contains(merchant)) {
        chosen.add(merchant);
      }
    }
    return chosen;
  }

  private List<String> devices(int count) {
    String first = deviceId(rng);
    if (count == 1) {
      return List.of(first);
    }
    String second = deviceId(rng);
    return second.equals(first) ? List.of(first) : List.of(first, second);
  }

  /** A device id like {@code dev_0a1b2c3d4e5f}; fraudsters' devices use the same format. */
  static String deviceId(SplittableRandom rng) {
    // The leading 1 bit keeps the zeros of a short number; substring(1) drops it again.
    long bits = (rng.nextLong() & 0xFFFF_FFFF_FFFFL) | (1L << 48);
    return "dev_" + Long.toHexString(bits).substring(1);
  }

  /** A device id that is none of {@code known}: a fraudster's device, new to the user. */
  static String deviceIdNotIn(List<String> known, SplittableRandom rng) {
    String device = deviceId(rng);
    while (known.contains(device)) {
      device = deviceId(rng);
    }
    return device;
  }

  static String userId(String population, int index, int digits) {
    String number = Integer.toString(index);
    return "user_" + population + "_" + "0".repeat(Math.max(0, digits - number.length())) + number;
  }

  private double logNormal(double median, double sigma, double min, double max) {
    double value = median * Math.exp(sigma * rng.nextGaussian());
    return Math.min(max, Math.max(min, value));
  }

  private double jitter() {
    return rng.nextDouble(-HOME_JITTER_DEGREES, HOME_JITTER_DEGREES);
  }
}
