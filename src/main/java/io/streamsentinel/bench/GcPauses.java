package io.streamsentinel.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM's garbage-collection pauses so far, as its collectors count them: every thread stops for
 * a pause, the stream thread and the broker included, so a pause of 20 ms adds up to 20 ms to every
 * record in flight. Collectors that also report their concurrent work do so in a bean of their own
 * ({@code ZGC Cycles}, {@code Shenandoah Cycles}); those run beside the application and are left
 * out. In JDK 17, G1's concurrent marking is in no bean; its young and mixed pauses are in {@code
 * G1 Young Generation}, its full collections in {@code G1 Old Generation}.
 */
record GcPauses(long count, long millis) {

  /** The pauses so far, over every collector that reports pauses. */
  static GcPauses now() {
    return of(ManagementFactory.getGarbageCollectorMXBeans());
  }

  static GcPauses of(List<GarbageCollectorMXBean> collectors) {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : collectors) {
      if (gc.getName().endsWith(" Cycles")) {
        continue;
      }
      // -1: the collector does not tell
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new GcPauses(count, millis);
  }

  /** The pauses from this snapshot to a later one: {@code gc_pauses} and {@code gc_pause_ms}. */
  Map<String, Double> until(GcPauses later) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("gc_pauses", (double) (later.count - count));
    figures.put("gc_pause_ms", (double) (later.millis - millis));
    return figures;
  }
}
