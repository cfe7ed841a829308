package io.streamsentinel.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The draws every segmented world's user factory makes the same way: numbered user ids, distinct
 * favourite merchants by a category mix, distinct devices, clipped log-normal habits and a home
 * spread around the city centre. Each factory keeps its own random stream; these only use it.
 */
final class PopulationDraws {

  private static final int MIN_ID_DIGITS = 6;

  private final SplittableRandom rng;
  private final int[][] merchantsByCategory = MerchantCatalog.indicesByCategory();

  PopulationDraws(SplittableRandom rng) {
    this.rng = rng;
  }

  /**
   * {@code count} users with ids {@code user_<population>_000000} upwards, in index order, each
   * made by {@code create} from its id.
   */
  static List<SyntheticUser> numbered(
      String population, int count, Function<String, SyntheticUser> create) {
    int digits = Math.max(MIN_ID_DIGITS, Integer.toString(count - 1).length());
    List<SyntheticUser> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      users.add(create.apply(UserFactory.userId(population, i, digits)));
    }
    return List.copyOf(users);
  }

  /** Distinct merchants, each of a category drawn by {@code category}. */
  List<Merchant> favourites(Supplier<MerchantCategory> category, int count) {
    List<Merchant> chosen = new ArrayList<>(count);
    while (chosen.size() < count) {
      int[] candidates = merchantsByCategory[category.get().ordinal()];
      Merchant merchant = MerchantCatalog.get(candidates[rng.nextInt(candidates.length)]);
      if (!chosen.contains(merchant)) {
        chosen.add(merchant);
      }
    }
    return chosen;
  }

  /** {@code count} distinct device ids. */
  List<String> devices(int count) {
    List<String> devices = new ArrayList<>(count);
    while (devices.size() < count) {
      devices.add(UserFactory.deviceIdNotIn(devices, rng));
    }
    return devices;
  }

  /** Log-normal around {@code median}, clipped to [{@code min}, {@code max}]. */
  double logNormal(double median, double sigma, double min, double max) {
    double value = median * Math.exp(sigma * rng.nextGaussian());
    return Math.min(max, Math.max(min, value));
  }

  /** Uniform within plus or minus {@code degrees}. */
  double jitter(double degrees) {
    return rng.nextDouble(-degrees, degrees);
  }

  /** Four digits, leading zeros kept. */
  String cardLast4() {
    return Integer.toString(10_000 + rng.nextInt(10_000)).substring(1);
  }
}
