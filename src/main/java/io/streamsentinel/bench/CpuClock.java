package io.streamsentinel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.ObjLongConsumer;
import java.util.regex.Pattern;

/**
 * CPU time consumed so far by this JVM and by one Streams application's processing threads. On a
 * shared, busy machine a drain rate swings with whatever else runs, while the CPU time a stage
 * spends per record barely moves, so the two together tell a slower stage from a slower machine. It
 * is the whole JVM's time: with the embedded broker in the same JVM it includes the broker's work
 * for the stage, its garbage collection and RocksDB's background threads.
 */
final class CpuClock {

  private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");

  private final String applicationId;

  /**
   * @param applicationId the Streams application whose {@code StreamThread}s to time
   */
  CpuClock(String applicationId) {
    this.applicationId = applicationId;
  }

  /**
   * CPU time of this JVM's JIT compiler threads in nanoseconds ({@link CompilerCpu}), or -1 where
   * it cannot be read (no Linux /proc).
   */
  static long compilerNanos() {
    return CompilerCpu.of(ProcessHandle.current().pid()).map(Duration::toNanos).orElse(-1L);
  }

  /** CPU time of the whole JVM in nanoseconds, or -1 when the JVM does not report it. */
  static long processNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean hotspot
        ? hotspot.getProcessCpuTime()
        : -1;
  }

  /**
   * The CPU time between two readings of a clock here, in µs per record; NaN when either reading is
   * -1 (not measured).
   */
  static double microsPerRecord(long fromNanos, long toNanos, long records) {
    return fromNanos < 0 || toNanos < 0 ? Double.NaN : (toNanos - fromNanos) / 1e3 / records;
  }

  /**
   * CPU time of the application's live stream threads in nanoseconds (not their producers' network
   * threads), or -1 when the JVM does not measure thread CPU time.
   */
  long streamThreadNanos() {
    long[] total = {0};
    boolean measured =
        forEachThread(
            (info, nanos) -> {
              if (info.getThreadName().startsWith(applicationId)
                  && STREAM_THREAD.matcher(info.getThreadName()).matches()) {
                total[0] += nanos;
              }
            });
    return measured ? total[0] : -1;
  }

  /**
   * Hands every live Java thread with its CPU time in nanoseconds to {@code action} (threads whose
   * time the JVM cannot tell are left out).
   *
   * @return false, and nothing handed over, when the JVM does not measure thread CPU time
   */
  static boolean forEachThread(ObjLongConsumer<ThreadInfo> action) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
      return false;
    }
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          action.accept(info, nanos);
        }
      }
    }
    return true;
  }
}
