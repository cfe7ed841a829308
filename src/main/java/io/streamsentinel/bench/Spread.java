package io.streamsentinel.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one measured quantity over the runs of a benchmark: median, min and max, and every
 * run's value in run order.
 */
public record Spread(double median, double min, double max, List<Double> all) {

  public Spread {
    if (all.isEmpty()) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
    all = List.copyOf(all);
  }

  /**
   * @throws IllegalArgumentException when {@code values} is empty
   */
  public static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Spread(median, sorted.get(0), sorted.get(n - 1), values);
  }

  /** As written to the JSON report. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("median", median);
    json.put("min", min);
    json.put("max", max);
    json.put("all", all);
    return json;
  }
}
