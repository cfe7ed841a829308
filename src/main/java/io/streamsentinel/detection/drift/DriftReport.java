package io.streamsentinel.detection.drift;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The drift of the champion model as the live window saw it at one moment.
 *
 * @param state whether there is anything to judge
 * @param modelVersion the champion's version; null while there is none
 * @param decisions live decisions in the window
 * @param minDecisions the sample the PSI needs at least
 * @param windowSeconds the live window's length
 * @param since when the window started filling for this champion; null before its first decision
 * @param scorePsi the PSI of the model's score; NaN unless {@link State#MEASURED}
 * @param inputs the PSI of each judged input, largest first; empty unless {@link State#MEASURED}
 */
public record DriftReport(
    State state,
    String modelVersion,
    long decisions,
    long minDecisions,
    long windowSeconds,
    Instant since,
    double scorePsi,
    List<InputPsi> inputs) {

  /** Where drift measurement stands. */
  public enum State {
    /** No champion model is in force: the rules score alone. */
    NO_CHAMPION,
    /** The champion was registered without a reference (trained before drift was measured). */
    NO_REFERENCE,
    /** Fewer live decisions than the minimum sample so far. */
    COLLECTING,
    /** PSI figures are given. */
    MEASURED
  }

  /** One input's PSI. */
  public record InputPsi(String input, double psi) {
    public InputPsi {
      Objects.requireNonNull(input, "input");
    }
  }

  public DriftReport {
    Objects.requireNonNull(state, "state");
    inputs = List.copyOf(inputs);
  }

  /** No champion: nothing to measure. */
  public static DriftReport noChampion(DriftSettings settings) {
    return new DriftReport(
        State.NO_CHAMPION,
        null,
        0,
        settings.minDecisions(),
        settings.window().toSeconds(),
        null,
        Double.NaN,
        List.of());
  }

  /** A champion without a reference. */
  public static DriftReport noReference(String version, DriftSettings settings) {
    return new DriftReport(
        State.NO_REFERENCE,
        version,
        0,
        settings.minDecisions(),
        settings.window().toSeconds(),
        null,
        Double.NaN,
        List.of());
  }

  /** Too few decisions so far. */
  public static DriftReport collecting(
      String version, long decisions, DriftSettings settings, Instant since) {
    return new DriftReport(
        State.COLLECTING,
        version,
        decisions,
        settings.minDecisions(),
        settings.window().toSeconds(),
        since,
        Double.NaN,
        List.of());
  }

  static DriftReport measured(
      String version,
      long decisions,
      DriftSettings settings,
      Instant since,
      double scorePsi,
      List<InputPsi> inputs) {
    return new DriftReport(
        State.MEASURED,
        version,
        decisions,
        settings.minDecisions(),
        settings.window().toSeconds(),
        since,
        scorePsi,
        inputs);
  }

  /** Whether PSI figures are given. */
  public boolean measured() {
    return state == State.MEASURED;
  }

  /** The largest PSI, of the score or any judged input; NaN unless measured. */
  public double maxPsi() {
    if (!measured()) {
      return Double.NaN;
    }
    double max = scorePsi;
    for (InputPsi i : inputs) {
      max = Math.max(max, i.psi());
    }
    return max;
  }

  /**
   * What drifted most: {@link DriftLayout#SCORE} or an input's name; null unless measured. The
   * score wins a tie: it is what alerts are raised by.
   */
  public String worst() {
    if (!measured()) {
      return null;
    }
    return inputs.isEmpty() || inputs.get(0).psi() <= scorePsi
        ? DriftLayout.SCORE
        : inputs.get(0).input();
  }

  /** The PSI of one input; NaN when it is not measured. */
  public double psiOf(String input) {
    for (InputPsi i : inputs) {
      if (i.input().equals(input)) {
        return i.psi();
      }
    }
    return Double.NaN;
  }
}
