package io.streamsentinel.generator;

/** Great-circle distance, for choosing travel destinations far enough away to be impossible. */
final class Geo {

  private static final double EARTH_RADIUS_KM = 6_371.0;

  private Geo() {}

  /** Haversine distance in kilometres between two points given in degrees. */
  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }
}
