package io.streamsentinel.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a benchmark ran on, written next to every figure: numbers mean little without it. */
public record Machine(int cores, String jvm, long maxHeapMb, String os) {

  /** This JVM and the machine it sees. */
  public static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cores", cores);
    json.put("jvm", jvm);
    json.put("max_heap_mb", maxHeapMb);
    json.put("os", os);
    return json;
  }

  /** One line for the terminal. */
  public String line() {
    return cores + " cores, " + jvm + ", max heap " + maxHeapMb + " MB, " + os;
  }
}
