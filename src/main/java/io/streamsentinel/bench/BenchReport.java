package io.streamsentinel.bench;

import io.streamsentinel.codec.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON every scenario writes: the scenario's headline figures at the top level, then {@code
 * variants} (median, min, max and every run of each variant), {@code machine} and {@code config}
 * (the effective configuration the figures were measured with).
 */
public final class BenchReport {

  private final Map<String, Object> json = new LinkedHashMap<>();
  private final Map<String, Object> config = new LinkedHashMap<>();

  /**
   * @param scenario the {@code bench} subcommand
   * @param runs measured runs per variant (after one warm-up)
   */
  public BenchReport(String scenario, long records, int runs) {
    json.put("scenario", scenario);
    json.put("records", records);
    json.put("runs", runs);
    json.put("warm_up_runs", 1);
  }

  /** A headline figure. */
  public BenchReport put(String key, Object value) {
    json.put(key, value);
    return this;
  }

  /** One entry of the effective configuration. */
  public BenchReport config(String key, Object value) {
    config.put(key, value);
    return this;
  }

  /** The spreads of every variant, under {@code variants}. */
  public BenchReport variants(Map<String, Spread> spreads) {
    Map<String, Object> detail = new LinkedHashMap<>();
    spreads.forEach((k, v) -> detail.put(k, v.toJson()));
    json.put("variants", detail);
    return this;
  }

  public Object get(String key) {
    return json.get(key);
  }

  /** Writes the report with the machine and configuration appended. */
  public void write(Path file, Machine machine) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>(json);
    out.put("machine", machine.toJson());
    out.put("config", config);
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
  }
}
