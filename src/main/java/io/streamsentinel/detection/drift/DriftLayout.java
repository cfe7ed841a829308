package io.streamsentinel.detection.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which series a live window counts and where each one's bins sit in a bucket: the judged model
 * inputs in row order, then the score, then one slot with the number of decisions. Every window of
 * one champion shares its layout, so their counts add up. Immutable.
 */
public final class DriftLayout {

  /** The series name of the model's score. */
  public static final String SCORE = "score";

  private static final int SCORE_COLUMN = -1;

  private final List<String> names;
  private final ReferenceBins[] bins;
  private final double[][] cuts;
  private final int[] columns;
  private final int[] offsets;
  private final int stride;
  private final List<String> unjudged;

  private DriftLayout(
      List<String> names, List<ReferenceBins> bins, List<Integer> columns, List<String> unjudged) {
    this.names = List.copyOf(names);
    this.bins = bins.toArray(ReferenceBins[]::new);
    this.cuts = new double[this.bins.length][];
    this.columns = columns.stream().mapToInt(Integer::intValue).toArray();
    this.offsets = new int[this.bins.length];
    int at = 0;
    for (int k = 0; k < this.bins.length; k++) {
      cuts[k] = this.bins[k].sharedCuts();
      offsets[k] = at;
      at += this.bins[k].size();
    }
    this.stride = at + 1;
    this.unjudged = List.copyOf(unjudged);
  }

  /**
   * The layout for a model's inputs.
   *
   * @param inputs the model's input names in row order
   * @param reference the model's reference
   * @return null when the reference lacks one of the judged inputs (it belongs to another schema)
   */
  public static DriftLayout of(List<String> inputs, DriftReference reference) {
    List<String> names = new ArrayList<>();
    List<ReferenceBins> bins = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    List<String> unjudged = new ArrayList<>();
    for (int j = 0; j < inputs.size(); j++) {
      String name = inputs.get(j);
      if (DriftSettings.UNJUDGED_INPUTS.contains(name)) {
        unjudged.add(name);
        continue;
      }
      ReferenceBins b = reference.inputs().get(name);
      if (b == null) {
        return null;
      }
      names.add(name);
      bins.add(b);
      columns.add(j);
    }
    names.add(SCORE);
    bins.add(reference.score());
    columns.add(SCORE_COLUMN);
    return new DriftLayout(names, bins, columns, unjudged);
  }

  /** Counts per bucket: every series' bins and the decision count. */
  int stride() {
    return stride;
  }

  /** The judged input names in row order, then {@link #SCORE}. */
  public List<String> names() {
    return names;
  }

  /** The model inputs the window leaves out ({@link DriftSettings#UNJUDGED_INPUTS}). */
  public List<String> unjudged() {
    return unjudged;
  }

  /** A bucket of one decision's bins added to {@code counts} at {@code base}; no allocation. */
  void count(long[] counts, int base, double[] row, double score) {
    for (int k = 0; k < cuts.length; k++) {
      double v = columns[k] == SCORE_COLUMN ? score : row[columns[k]];
      DriftWindow.increment(counts, base + offsets[k] + ReferenceBins.bin(cuts[k], v));
    }
    DriftWindow.increment(counts, base + stride - 1);
  }

  /**
   * The PSI of every series in summed live counts.
   *
   * @param version the champion's version
   * @param totals the summed counts of the windows, one bucket long
   * @param settings for the minimum sample
   * @param since when the champion's window started
   */
  public DriftReport report(String version, long[] totals, DriftSettings settings, Instant since) {
    long decisions = totals[stride - 1];
    if (decisions < settings.minDecisions()) {
      return DriftReport.collecting(version, decisions, settings, since);
    }
    double score = Double.NaN;
    List<DriftReport.InputPsi> inputs = new ArrayList<>();
    for (int k = 0; k < bins.length; k++) {
      double psi = Psi.of(bins[k], totals, offsets[k], decisions);
      if (columns[k] == SCORE_COLUMN) {
        score = psi;
      } else {
        inputs.add(new DriftReport.InputPsi(names.get(k), psi));
      }
    }
    inputs.sort(Comparator.comparingDouble(DriftReport.InputPsi::psi).reversed());
    return DriftReport.measured(version, decisions, settings, since, score, inputs);
  }
}
