package io.streamsentinel.generator;

import static io.streamsentinel.generator.Continent.NORTH_AMERICA;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The cities of the held-out {@link World#MESA} world: twelve Costa Rican cities, all in colones
 * and on one UTC offset (no daylight saving time), weighted roughly by population. Most people live
 * in the five cities of the Central Valley plateau (the Meseta Central) around San José; the coast
 * and the lowlands are where they go on trips.
 */
final class MesaCities {

  private static final String CURRENCY = "CRC";
  private static final double CST = -6;

  private static final List<City> ALL =
      List.of(
          new City("San José", "CR", 9.9281, -84.0907, CST, CURRENCY, NORTH_AMERICA),
          new City("Alajuela", "CR", 10.0163, -84.2116, CST, CURRENCY, NORTH_AMERICA),
          new City("Heredia", "CR", 9.9981, -84.1170, CST, CURRENCY, NORTH_AMERICA),
          new City("Cartago", "CR", 9.8644, -83.9194, CST, CURRENCY, NORTH_AMERICA),
          new City("Desamparados", "CR", 9.8967, -84.0631, CST, CURRENCY, NORTH_AMERICA),
          new City("Liberia", "CR", 10.6346, -85.4377, CST, CURRENCY, NORTH_AMERICA),
          new City("Puntarenas", "CR", 9.9763, -84.8384, CST, CURRENCY, NORTH_AMERICA),
          new City("Limón", "CR", 9.9913, -83.0415, CST, CURRENCY, NORTH_AMERICA),
          new City(
              "San Isidro de El General", "CR", 9.3733, -83.7035, CST, CURRENCY, NORTH_AMERICA),
          new City("Ciudad Quesada", "CR", 10.3238, -84.4271, CST, CURRENCY, NORTH_AMERICA),
          new City("Guápiles", "CR", 10.2153, -83.7847, CST, CURRENCY, NORTH_AMERICA),
          new City("Nicoya", "CR", 10.1483, -85.4520, CST, CURRENCY, NORTH_AMERICA));

  /** Relative share of the population per city, in the order of {@link #ALL}. */
  private static final int[] WEIGHTS = {8, 4, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1};

  /** The five Central Valley cities come first in {@link #ALL}. */
  private static final int CENTRAL_VALLEY = 5;

  /** Where people from the plateau go for a long weekend: the Pacific and Caribbean coasts. */
  private static final List<City> COAST = List.of(ALL.get(5), ALL.get(6), ALL.get(7), ALL.get(11));

  private static final int TOTAL_WEIGHT = Arrays.stream(WEIGHTS).sum();
  private static final int CENTRAL_WEIGHT = Arrays.stream(WEIGHTS, 0, CENTRAL_VALLEY).sum();

  private MesaCities() {}

  /** Every city, in a fixed order (the order is part of what a seed reproduces). */
  static List<City> all() {
    return ALL;
  }

  /** The coastal cities trips go to, in a fixed order. */
  static List<City> coast() {
    return COAST;
  }

  /** A home city, in proportion to population. */
  static City drawHome(SplittableRandom rng) {
    return ALL.get(WeightedDraw.index(WEIGHTS, rng.nextInt(TOTAL_WEIGHT)));
  }

  /** One of the Central Valley cities, in proportion to population. */
  static City drawCentral(SplittableRandom rng) {
    return ALL.get(WeightedDraw.index(WEIGHTS, rng.nextInt(CENTRAL_WEIGHT)));
  }
}
