package io.streamsentinel.detection;

/**
 * Where and when a user was last seen with known coordinates.
 *
 * @param epochMillis event time of that transaction; meaningless when {@link #isKnown()} is false
 * @param latitude degrees, NaN when unknown
 * @param longitude degrees, NaN when unknown
 * @param country country code of that transaction; may be null
 */
public record LastPlace(long epochMillis, double latitude, double longitude, String country) {

  /** No location seen yet. */
  public static final LastPlace UNKNOWN = new LastPlace(0, Double.NaN, Double.NaN, null);

  /** Whether coordinates were seen. */
  public boolean isKnown() {
    return !Double.isNaN(latitude) && !Double.isNaN(longitude);
  }
}
