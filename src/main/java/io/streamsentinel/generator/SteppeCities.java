package io.streamsentinel.generator;

import static io.streamsentinel.generator.Continent.ASIA;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The cities of the held-out {@link World#STEPPE} world: twelve Kazakh cities, all in tenge and on
 * one UTC offset (the whole country has kept UTC+5 since March 2024; no daylight saving time). As
 * in savanna, each kind of card holder is spread over them in its own way (see {@link
 * SteppeSegment}): office workers in Almaty and Astana, large families in the south, pensioners in
 * the industrial north and east, rotation workers in the west and the south. Also the lake and
 * mountain towns people go to for a weekend, and the oil-field towns rotation workers spend their
 * shifts in.
 */
final class SteppeCities {

  private static final String CURRENCY = "KZT";
  private static final double ALMATY_TIME = 5;

  private static final List<City> ALL =
      List.of(
          kazakh("Almaty", 43.2220, 76.8512),
          kazakh("Astana", 51.1694, 71.4491),
          kazakh("Shymkent", 42.3417, 69.5901),
          kazakh("Aktobe", 50.2839, 57.1670),
          kazakh("Karaganda", 49.8047, 73.1094),
          kazakh("Taraz", 42.9000, 71.3667),
          kazakh("Pavlodar", 52.2873, 76.9674),
          kazakh("Oskemen", 49.9483, 82.6275),
          kazakh("Semey", 50.4111, 80.2275),
          kazakh("Atyrau", 47.0945, 51.9238),
          kazakh("Kostanay", 53.2144, 63.6246),
          kazakh("Kyzylorda", 44.8488, 65.4823));

  /**
   * Where people go for a long weekend: the Kapchagay reservoir by Almaty, the lakes of Burabay
   * north of Astana, Bayanaul's lakes south of Pavlodar and the old city of Turkistan near
   * Shymkent. Never anyone's home.
   */
  private static final List<City> GETAWAYS =
      List.of(
          kazakh("Konaev", 43.8667, 77.0667),
          kazakh("Burabay", 53.0833, 70.3000),
          kazakh("Bayanaul", 50.7917, 75.7000),
          kazakh("Turkistan", 43.2973, 68.2518));

  /** The towns of the oil fields of the west that rotation workers fly or drive to for a shift. */
  private static final List<City> FIELD_TOWNS =
      List.of(
          kazakh("Kulsary", 46.9530, 54.0190),
          kazakh("Zhanaozen", 43.3412, 52.8619),
          kazakh("Aksay", 51.1714, 52.9950));

  private SteppeCities() {}

  /** Every city, in a fixed order (the order is part of what a seed reproduces). */
  static List<City> all() {
    return ALL;
  }

  /** The weekend towns, in a fixed order. */
  static List<City> getaways() {
    return GETAWAYS;
  }

  /** The oil-field towns, in a fixed order. */
  static List<City> fieldTowns() {
    return FIELD_TOWNS;
  }

  /** The weekend town nearest to a home: people go to the lakes of their own region. */
  static City nearestGetaway(City home) {
    return GETAWAYS.stream()
        .min(
            Comparator.comparingDouble(
                town ->
                    Geo.distanceKm(
                        home.latitude(), home.longitude(), town.latitude(), town.longitude())))
        .orElseThrow();
  }

  /** A home city, in proportion to {@code weights} (one per city, in the order of {@link #ALL}). */
  static City draw(int[] weights, SplittableRandom rng) {
    return ALL.get(WeightedDraw.index(weights, rng));
  }

  private static City kazakh(String name, double latitude, double longitude) {
    return new City(name, "KZ", latitude, longitude, ALMATY_TIME, CURRENCY, ASIA);
  }
}
