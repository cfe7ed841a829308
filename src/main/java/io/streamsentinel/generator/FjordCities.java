package io.streamsentinel.generator;

import static io.streamsentinel.generator.Continent.EUROPE;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The cities of the held-out {@link World#FJORD} world: twelve Norwegian cities from Kristiansand
 * in the south to Tromsø above the Arctic Circle, all in kroner and on one UTC offset, weighted
 * roughly by population (Oslo draws seven times as many users as Bodø).
 */
final class FjordCities {

  private static final String CURRENCY = "NOK";
  private static final double CET = 1;

  private static final List<City> ALL =
      List.of(
          new City("Oslo", "NO", 59.9139, 10.7522, CET, CURRENCY, EUROPE),
          new City("Bergen", "NO", 60.3913, 5.3221, CET, CURRENCY, EUROPE),
          new City("Trondheim", "NO", 63.4305, 10.3951, CET, CURRENCY, EUROPE),
          new City("Stavanger", "NO", 58.9700, 5.7331, CET, CURRENCY, EUROPE),
          new City("Drammen", "NO", 59.7439, 10.2045, CET, CURRENCY, EUROPE),
          new City("Fredrikstad", "NO", 59.2181, 10.9298, CET, CURRENCY, EUROPE),
          new City("Kristiansand", "NO", 58.1599, 8.0182, CET, CURRENCY, EUROPE),
          new City("Tromsø", "NO", 69.6492, 18.9553, CET, CURRENCY, EUROPE),
          new City("Ålesund", "NO", 62.4722, 6.1495, CET, CURRENCY, EUROPE),
          new City("Bodø", "NO", 67.2804, 14.4049, CET, CURRENCY, EUROPE),
          new City("Hamar", "NO", 60.7945, 11.0680, CET, CURRENCY, EUROPE),
          new City("Lillehammer", "NO", 61.1153, 10.4662, CET, CURRENCY, EUROPE));

  /** Relative share of the population per city, in the order of {@link #ALL}. */
  private static final int[] WEIGHTS = {7, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1};

  /** The four largest cities come first in {@link #ALL}. */
  private static final int LARGEST = 4;

  private static final int TOTAL_WEIGHT = Arrays.stream(WEIGHTS).sum();
  private static final int LARGEST_WEIGHT = Arrays.stream(WEIGHTS, 0, LARGEST).sum();

  private FjordCities() {}

  /** Every city, in a fixed order (the order is part of what a seed reproduces). */
  static List<City> all() {
    return ALL;
  }

  /** A home city, in proportion to population. */
  static City drawHome(SplittableRandom rng) {
    return ALL.get(WeightedDraw.index(WEIGHTS, rng.nextInt(TOTAL_WEIGHT)));
  }

  /** One of the four largest cities, in proportion to population: where stores are many. */
  static City drawLarge(SplittableRandom rng) {
    return ALL.get(WeightedDraw.index(WEIGHTS, rng.nextInt(LARGEST_WEIGHT)));
  }
}
