package io.streamsentinel.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a JVM's CPU time went over a span, by the parts of a pipeline that run in it: what tells,
 * on a machine the whole pipeline shares, how much of it the part under test had. Each live Java
 * thread counts under the first part that owns it (by its name, or by its id for a thread with no
 * telling name, such as the one that runs the generator's loop); the Java threads no part owns go
 * to {@value #OTHER_THREADS} (with the embedded broker in this JVM, mostly its threads), and the
 * JVM's CPU that no listed Java thread accounts for to {@value #UNLISTED}: the garbage collector's
 * and the JIT compiler's threads, which Java does not list, native threads such as RocksDB's
 * background work, and threads that ended during the span.
 */
final class CpuByPart {

  static final String PREFIX = "cpu_cores_";
  static final String OTHER_THREADS = PREFIX + "other_threads";
  static final String UNLISTED = PREFIX + "unlisted";

  /**
   * A part of the pipeline and the threads it owns.
   *
   * @param name its figure is {@code cpu_cores_NAME}
   * @param threadId a thread it owns whatever its name, -1 for none
   * @param nameParts it owns the threads whose names contain any of these
   */
  record Part(String name, long threadId, List<String> nameParts) {

    Part {
      nameParts = List.copyOf(nameParts);
    }

    boolean owns(long id, String threadName) {
      return id == threadId || nameParts.stream().anyMatch(threadName::contains);
    }
  }

  /**
   * CPU time so far.
   *
   * @param wallNanos {@link System#nanoTime()} when taken
   * @param jvmCpuNanos the whole JVM's, -1 when not reported
   * @param threads per live Java thread id, its part (or {@value #OTHER_THREADS}) and CPU time;
   *     empty when the JVM does not measure thread CPU time
   */
  record Snapshot(long wallNanos, long jvmCpuNanos, Map<Long, ThreadCpu> threads) {

    Snapshot {
      threads = Map.copyOf(threads);
    }
  }

  /** One thread's part and CPU time in nanoseconds. */
  record ThreadCpu(String part, long nanos) {}

  private final List<Part> parts;

  CpuByPart(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** This JVM's CPU time so far, by part. */
  Snapshot now() {
    Map<Long, ThreadCpu> threads = new HashMap<>();
    CpuClock.forEachThread(
        (info, nanos) ->
            threads.put(
                info.getThreadId(),
                new ThreadCpu(partOf(info.getThreadId(), info.getThreadName()), nanos)));
    return new Snapshot(System.nanoTime(), CpuClock.processNanos(), threads);
  }

  /** The part that owns a thread: the first that does, else {@value #OTHER_THREADS}. */
  String partOf(long threadId, String threadName) {
    for (Part part : parts) {
      if (part.owns(threadId, threadName)) {
        return PREFIX + part.name();
      }
    }
    return OTHER_THREADS;
  }

  /**
   * The CPU each part used from {@code before} to {@code after}, in cores (CPU time / span), in the
   * order of the parts, then {@value #OTHER_THREADS} and {@value #UNLISTED}; together they make the
   * JVM's. A thread counts with the CPU it used in the span (all of it when it started in the
   * span); a thread that ended in the span is not listed at its end, so what it used is in {@value
   * #UNLISTED}. Empty when the span is empty or thread CPU time was not measured; no {@value
   * #UNLISTED} when the JVM's CPU time was not reported.
   */
  Map<String, Double> between(Snapshot before, Snapshot after) {
    double span = after.wallNanos() - before.wallNanos();
    Map<String, Double> cores = new LinkedHashMap<>();
    if (span <= 0 || before.threads().isEmpty() || after.threads().isEmpty()) {
      return cores;
    }
    parts.forEach(p -> cores.put(PREFIX + p.name(), 0.0));
    cores.put(OTHER_THREADS, 0.0);
    long listed = 0;
    for (var entry : after.threads().entrySet()) {
      ThreadCpu earlier = before.threads().get(entry.getKey());
      long used = entry.getValue().nanos() - (earlier == null ? 0 : earlier.nanos());
      if (used > 0) {
        listed += used;
        cores.merge(entry.getValue().part(), used / span, Double::sum);
      }
    }
    if (before.jvmCpuNanos() >= 0 && after.jvmCpuNanos() >= 0) {
      long jvm = after.jvmCpuNanos() - before.jvmCpuNanos();
      cores.put(UNLISTED, Math.max(0, jvm - listed) / span);
    }
    return cores;
  }
}
