package io.streamsentinel.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The run plan every scenario shares: one warm-up round, then {@code runs} measured rounds; in each
 * round every variant runs once, in the same order, so a slow spell of a shared machine hits all
 * variants alike instead of one. Warm-up figures are printed but not kept. A cold scenario, for
 * which the first run is the point, has no warm-up ({@link #withoutWarmUp()}).
 */
public final class Trials {

  /** One run of one variant, measuring one value. */
  @FunctionalInterface
  public interface Trial {
    /**
     * @param round 0 for the warm-up, then 1..runs
     * @return the measured value
     */
    double run(String variant, int round) throws Exception;
  }

  /** One run of one variant, measuring several named values (printed and kept in this order). */
  @FunctionalInterface
  public interface MetricsTrial {
    /**
     * @param round 0 for the warm-up, then 1..runs
     */
    Map<String, Double> run(String variant, int round) throws Exception;
  }

  private final List<String> variants;
  private final int runs;
  private final String unit;
  private final Consumer<String> out;
  private final boolean warmUp;

  /**
   * @param unit printed after each figure, e.g. {@code tx/s}
   * @param out where the per-run lines go
   */
  public Trials(List<String> variants, int runs, String unit, Consumer<String> out) {
    this(variants, runs, unit, out, true);
  }

  private Trials(
      List<String> variants, int runs, String unit, Consumer<String> out, boolean warmUp) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1 but was " + runs);
    }
    this.variants = List.copyOf(variants);
    this.runs = runs;
    this.unit = unit;
    this.out = out;
    this.warmUp = warmUp;
  }

  /** The same plan without the warm-up round: the measured rounds 1..runs only. */
  public Trials withoutWarmUp() {
    return new Trials(variants, runs, unit, out, false);
  }

  /** Runs the plan; the spreads are keyed by variant, in the given order. */
  public Map<String, Spread> measure(Trial trial) throws Exception {
    Map<String, Map<String, Spread>> all =
        measureMetrics((variant, round) -> Map.of(unit, trial.run(variant, round)));
    Map<String, Spread> spreads = new LinkedHashMap<>();
    all.forEach((variant, metrics) -> spreads.put(variant, metrics.get(unit)));
    return spreads;
  }

  /** Runs the plan; the spreads are keyed by variant, then by metric, in the order measured. */
  public Map<String, Map<String, Spread>> measureMetrics(MetricsTrial trial) throws Exception {
    Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    for (int round = warmUp ? 0 : 1; round <= runs; round++) {
      for (String variant : variants) {
        Map<String, Double> measured = trial.run(variant, round);
        String label = round == 0 ? "warm-up" : "run " + round + "/" + runs;
        out.accept(String.format(Locale.ROOT, "%-20s %-9s %s", variant, label, format(measured)));
        if (round > 0) {
          Map<String, List<Double>> byMetric =
              values.computeIfAbsent(variant, k -> new LinkedHashMap<>());
          measured.forEach((k, v) -> byMetric.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
      }
    }
    Map<String, Map<String, Spread>> spreads = new LinkedHashMap<>();
    values.forEach(
        (variant, byMetric) -> {
          Map<String, Spread> metrics = new LinkedHashMap<>();
          byMetric.forEach((k, v) -> metrics.put(k, Spread.of(v)));
          spreads.put(variant, metrics);
        });
    return spreads;
  }

  /**
   * One metric's spreads by variant, from {@link #measureMetrics}; variants without it left out.
   */
  public static Map<String, Spread> metric(Map<String, Map<String, Spread>> measured, String key) {
    Map<String, Spread> spreads = new LinkedHashMap<>();
    measured.forEach(
        (variant, figures) -> {
          if (figures.containsKey(key)) {
            spreads.put(variant, figures.get(key));
          }
        });
    return spreads;
  }

  /** The median of each variant's spread. */
  public static Map<String, Double> medians(Map<String, Spread> spreads) {
    Map<String, Double> medians = new LinkedHashMap<>();
    spreads.forEach((variant, spread) -> medians.put(variant, spread.median()));
    return medians;
  }

  private String format(Map<String, Double> measured) {
    if (measured.size() == 1 && measured.containsKey(unit)) {
      return String.format(Locale.ROOT, "%,12.1f %s", measured.get(unit), unit);
    }
    StringBuilder line = new StringBuilder();
    measured.forEach((k, v) -> line.append(String.format(Locale.ROOT, "%s %,.1f  ", k, v)));
    return line.toString().trim();
  }
}
