package io.streamsentinel.detection;

/** Distances on the Earth's surface by the haversine formula; accurate to ~0.5 % (sphere). */
final class GreatCircle {

  /** Mean Earth radius (IUGG). */
  static final double EARTH_RADIUS_KM = 6371.0088;

  private GreatCircle() {}

  /** Kilometres between two points given in degrees. */
  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double sinHalfDeltaPhi = Math.sin((phi2 - phi1) / 2);
    double sinHalfDeltaLambda = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    double h =
        sinHalfDeltaPhi * sinHalfDeltaPhi
            + Math.cos(phi1) * Math.cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda;
    // Rounding can push h a hair above 1 for antipodal points; asin would return NaN.
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1.0, h)));
  }
}
