package io.streamsentinel.detection.drift;

/**
 * The population stability index between a reference and a live histogram over the same bins:
 * {@code PSI = Σ (live − ref) · ln(live / ref)}, with both shares floored at {@link #EPSILON} so an
 * empty bin on either side counts as a large but finite shift. 0 means identical; by the usual
 * reading, below 0.1 is stable, 0.1 to 0.25 a moderate shift, above 0.25 a significant one.
 */
public final class Psi {

  /**
   * The floor of a bin's share: a bin that held none of the reference rows and a tenth of the live
   * ones contributes {@code 0.1 · ln(1000)} ≈ 0.69, enough to be seen, not infinite.
   */
  public static final double EPSILON = 1e-4;

  private Psi() {}

  /**
   * The PSI of live counts against reference shares.
   *
   * @param reference the reference shares per bin
   * @param live live counts, bin {@code i} at {@code live[offset + i]}
   * @param total the number of live observations (the counts' sum); 0 gives NaN
   */
  public static double of(ReferenceBins reference, long[] live, int offset, long total) {
    if (total <= 0) {
      return Double.NaN;
    }
    double psi = 0;
    for (int i = 0; i < reference.size(); i++) {
      double ref = Math.max(reference.fraction(i), EPSILON);
      double now = Math.max((double) live[offset + i] / total, EPSILON);
      psi += (now - ref) * Math.log(now / ref);
    }
    return psi;
  }
}
