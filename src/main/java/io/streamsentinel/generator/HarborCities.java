package io.streamsentinel.generator;

import static io.streamsentinel.generator.Continent.ASIA;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The cities of the held-out {@link World#HARBOR} world: twelve Japanese cities, all in yen and on
 * one UTC offset, weighted roughly by population (Tokyo draws six times as many users as Naha). One
 * country, so the fraud there has to stand out without a foreign country or currency.
 */
final class HarborCities {

  private static final String CURRENCY = "JPY";
  private static final double JST = 9;

  private static final List<City> ALL =
      List.of(
          new City("Tokyo", "JP", 35.6762, 139.6503, JST, CURRENCY, ASIA),
          new City("Yokohama", "JP", 35.4437, 139.6380, JST, CURRENCY, ASIA),
          new City("Osaka", "JP", 34.6937, 135.5023, JST, CURRENCY, ASIA),
          new City("Nagoya", "JP", 35.1815, 136.9066, JST, CURRENCY, ASIA),
          new City("Sapporo", "JP", 43.0618, 141.3545, JST, CURRENCY, ASIA),
          new City("Fukuoka", "JP", 33.5904, 130.4017, JST, CURRENCY, ASIA),
          new City("Kobe", "JP", 34.6901, 135.1955, JST, CURRENCY, ASIA),
          new City("Kyoto", "JP", 35.0116, 135.7681, JST, CURRENCY, ASIA),
          new City("Sendai", "JP", 38.2682, 140.8694, JST, CURRENCY, ASIA),
          new City("Hiroshima", "JP", 34.3853, 132.4553, JST, CURRENCY, ASIA),
          new City("Niigata", "JP", 37.9162, 139.0364, JST, CURRENCY, ASIA),
          new City("Naha", "JP", 26.2124, 127.6809, JST, CURRENCY, ASIA));

  /** Relative share of the population per city, in the order of {@link #ALL}. */
  private static final int[] WEIGHTS = {6, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1};

  private static final int TOTAL_WEIGHT = java.util.Arrays.stream(WEIGHTS).sum();

  private HarborCities() {}

  /** Every city, in a fixed order (the order is part of what a seed reproduces). */
  static List<City> all() {
    return ALL;
  }

  /** A home city, in proportion to population. */
  static City drawHome(SplittableRandom rng) {
    int ticket = rng.nextInt(TOTAL_WEIGHT);
    for (int i = 0; i < WEIGHTS.length; i++) {
      ticket -= WEIGHTS[i];
      if (ticket < 0) {
        return ALL.get(i);
      }
    }
    throw new AssertionError("weights do not add up");
  }

  /** A city at least {@code minKm} from the given point; every city has one in this catalog. */
  static City farFrom(double latitude, double longitude, double minKm, SplittableRandom rng) {
    int start = rng.nextInt(ALL.size());
    for (int i = 0; i < ALL.size(); i++) {
      City city = ALL.get((start + i) % ALL.size());
      if (Geo.distanceKm(city.latitude(), city.longitude(), latitude, longitude) >= minKm) {
        return city;
      }
    }
    throw new IllegalStateException("no city " + minKm + " km away");
  }
}
