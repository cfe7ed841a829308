package io.streamsentinel.generator;

import static io.streamsentinel.generator.Continent.AFRICA;
import static io.streamsentinel.generator.Continent.ASIA;
import static io.streamsentinel.generator.Continent.EUROPE;
import static io.streamsentinel.generator.Continent.NORTH_AMERICA;
import static io.streamsentinel.generator.Continent.OCEANIA;
import static io.streamsentinel.generator.Continent.SOUTH_AMERICA;

import java.util.List;

/**
 * The fixed catalog of cities on every inhabited continent. Kept as code rather than a resource
 * file: it is small, compile-checked and needs no I/O, which this package does not do.
 */
public final class CityCatalog {

  private static final List<City> ALL =
      List.of(
          new City("New York", "US", 40.7128, -74.0060, -5, "USD", NORTH_AMERICA),
          new City("Los Angeles", "US", 34.0522, -118.2437, -8, "USD", NORTH_AMERICA),
          new City("Chicago", "US", 41.8781, -87.6298, -6, "USD", NORTH_AMERICA),
          new City("Miami", "US", 25.7617, -80.1918, -5, "USD", NORTH_AMERICA),
          new City("Toronto", "CA", 43.6532, -79.3832, -5, "CAD", NORTH_AMERICA),
          new City("Vancouver", "CA", 49.2827, -123.1207, -8, "CAD", NORTH_AMERICA),
          new City("Mexico City", "MX", 19.4326, -99.1332, -6, "MXN", NORTH_AMERICA),
          new City("São Paulo", "BR", -23.5505, -46.6333, -3, "BRL", SOUTH_AMERICA),
          new City("Rio de Janeiro", "BR", -22.9068, -43.1729, -3, "BRL", SOUTH_AMERICA),
          new City("Buenos Aires", "AR", -34.6037, -58.3816, -3, "ARS", SOUTH_AMERICA),
          new City("Santiago", "CL", -33.4489, -70.6693, -4, "CLP", SOUTH_AMERICA),
          new City("Lima", "PE", -12.0464, -77.0428, -5, "PEN", SOUTH_AMERICA),
          new City("Bogotá", "CO", 4.7110, -74.0721, -5, "COP", SOUTH_AMERICA),
          new City("London", "GB", 51.5074, -0.1278, 0, "GBP", EUROPE),
          new City("Paris", "FR", 48.8566, 2.3522, 1, "EUR", EUROPE),
          new City("Berlin", "DE", 52.5200, 13.4050, 1, "EUR", EUROPE),
          new City("Madrid", "ES", 40.4168, -3.7038, 1, "EUR", EUROPE),
          new City("Rome", "IT", 41.9028, 12.4964, 1, "EUR", EUROPE),
          new City("Amsterdam", "NL", 52.3676, 4.9041, 1, "EUR", EUROPE),
          new City("Stockholm", "SE", 59.3293, 18.0686, 1, "SEK", EUROPE),
          new City("Warsaw", "PL", 52.2297, 21.0122, 1, "PLN", EUROPE),
          new City("Zurich", "CH", 47.3769, 8.5417, 1, "CHF", EUROPE),
          new City("Istanbul", "TR", 41.0082, 28.9784, 3, "TRY", EUROPE),
          new City("Lagos", "NG", 6.5244, 3.3792, 1, "NGN", AFRICA),
          new City("Accra", "GH", 5.6037, -0.1870, 0, "GHS", AFRICA),
          new City("Casablanca", "MA", 33.5731, -7.5898, 1, "MAD", AFRICA),
          new City("Cairo", "EG", 30.0444, 31.2357, 2, "EGP", AFRICA),
          new City("Nairobi", "KE", -1.2921, 36.8219, 3, "KES", AFRICA),
          new City("Johannesburg", "ZA", -26.2041, 28.0473, 2, "ZAR", AFRICA),
          new City("Tokyo", "JP", 35.6762, 139.6503, 9, "JPY", ASIA),
          new City("Seoul", "KR", 37.5665, 126.9780, 9, "KRW", ASIA),
          new City("Shanghai", "CN", 31.2304, 121.4737, 8, "CNY", ASIA),
          new City("Hong Kong", "HK", 22.3193, 114.1694, 8, "HKD", ASIA),
          new City("Singapore", "SG", 1.3521, 103.8198, 8, "SGD", ASIA),
          new City("Manila", "PH", 14.5995, 120.9842, 8, "PHP", ASIA),
          new City("Bangkok", "TH", 13.7563, 100.5018, 7, "THB", ASIA),
          new City("Jakarta", "ID", -6.2088, 106.8456, 7, "IDR", ASIA),
          new City("Mumbai", "IN", 19.0760, 72.8777, 5.5, "INR", ASIA),
          new City("Bengaluru", "IN", 12.9716, 77.5946, 5.5, "INR", ASIA),
          new City("Dubai", "AE", 25.2048, 55.2708, 4, "AED", ASIA),
          new City("Sydney", "AU", -33.8688, 151.2093, 10, "AUD", OCEANIA),
          new City("Melbourne", "AU", -37.8136, 144.9631, 10, "AUD", OCEANIA),
          new City("Perth", "AU", -31.9505, 115.8605, 8, "AUD", OCEANIA),
          new City("Auckland", "NZ", -36.8485, 174.7633, 12, "NZD", OCEANIA));

  private CityCatalog() {}

  /** Every city, in a fixed order (the order is part of what a seed reproduces). */
  public static List<City> all() {
    return ALL;
  }

  /** Cities of the catalog by name, in the order given; fails if one is missing. */
  static List<City> named(String... names) {
    return List.of(names).stream()
        .map(
            name ->
                ALL.stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no city " + name)))
        .toList();
  }
}
