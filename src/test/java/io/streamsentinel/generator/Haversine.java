package io.streamsentinel.generator;

/** The tests' own great-circle distance, independent of the code under test. */
final class Haversine {

  private static final double EARTH_RADIUS_KM = 6_371.0;

  private Haversine() {}

  static double km(double lat1, double lon1, double lat2, double lon2) {
    double a =
        Math.pow(Math.sin(Math.toRadians(lat2 - lat1) / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

  static double km(double lat, double lon, City city) {
    return km(lat, lon, city.latitude(), city.longitude());
  }
}
