package io.streamsentinel.generator;

import static io.streamsentinel.generator.Continent.AFRICA;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The cities of the held-out {@link World#SAVANNA} world: twelve Kenyan cities, all in shillings
 * and on East Africa Time (UTC+3, no daylight saving time). Unlike the other worlds, each kind of
 * card holder is spread over them in its own way (see {@link SavannaSegment}): farmers in the
 * market towns of the Rift Valley, the west and the slopes of Mount Kenya, salaried workers in
 * Nairobi and Mombasa, students in the university towns. Also the cities abroad that this world's
 * money comes from and goes to.
 */
final class SavannaCities {

  private static final String CURRENCY = "KES";
  private static final double EAT = 3;

  private static final List<City> ALL =
      List.of(
          new City("Nairobi", "KE", -1.2921, 36.8219, EAT, CURRENCY, AFRICA),
          new City("Mombasa", "KE", -4.0435, 39.6682, EAT, CURRENCY, AFRICA),
          new City("Kisumu", "KE", -0.0917, 34.7680, EAT, CURRENCY, AFRICA),
          new City("Nakuru", "KE", -0.3031, 36.0800, EAT, CURRENCY, AFRICA),
          new City("Eldoret", "KE", 0.5143, 35.2698, EAT, CURRENCY, AFRICA),
          new City("Thika", "KE", -1.0388, 37.0834, EAT, CURRENCY, AFRICA),
          new City("Machakos", "KE", -1.5177, 37.2634, EAT, CURRENCY, AFRICA),
          new City("Nyeri", "KE", -0.4201, 36.9476, EAT, CURRENCY, AFRICA),
          new City("Meru", "KE", 0.0463, 37.6559, EAT, CURRENCY, AFRICA),
          new City("Kitale", "KE", 1.0191, 35.0023, EAT, CURRENCY, AFRICA),
          new City("Malindi", "KE", -3.2192, 40.1169, EAT, CURRENCY, AFRICA),
          new City("Kakamega", "KE", 0.2827, 34.7519, EAT, CURRENCY, AFRICA));

  /**
   * The towns "upcountry" that people who work in a city go home to on some weekends: every city
   * but the two largest and the coast, as indices into {@link #ALL}.
   */
  private static final List<City> UPCOUNTRY =
      List.of(
          ALL.get(2),
          ALL.get(3),
          ALL.get(4),
          ALL.get(6),
          ALL.get(7),
          ALL.get(8),
          ALL.get(9),
          ALL.get(11));

  /** Where the relatives who send money home live and shop from. */
  private static final List<City> DIASPORA =
      CityCatalog.named("London", "Dubai", "New York", "Toronto", "Berlin");

  private SavannaCities() {}

  /** Every city, in a fixed order (the order is part of what a seed reproduces). */
  static List<City> all() {
    return ALL;
  }

  /** The upcountry towns, in a fixed order. */
  static List<City> upcountry() {
    return UPCOUNTRY;
  }

  /** The cities abroad where relatives of diaspora-funded households live, in a fixed order. */
  static List<City> diaspora() {
    return DIASPORA;
  }

  /** A home city, in proportion to {@code weights} (one per city, in the order of {@link #ALL}). */
  static City draw(int[] weights, SplittableRandom rng) {
    return ALL.get(WeightedDraw.index(weights, rng));
  }
}
