package io.streamsentinel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time another JVM's JIT compiler threads have used, read from outside, as the OS keeps it
 * on Linux: {@code /proc/PID/task/TID/comm} names each thread (HotSpot's compiler threads are
 * {@code C1 CompilerThreadN} and {@code C2 CompilerThreadN}, cut by the kernel to 15 characters)
 * and the first field of {@code /proc/PID/task/TID/schedstat} is its time on a CPU in nanoseconds.
 * A compiler thread that has ended is no longer listed (HotSpot may stop idle ones on machines with
 * more cores), so the figure is a lower bound there; with two cores HotSpot runs one of each and
 * keeps both.
 */
final class CompilerCpu {

  private static final Path PROC = Path.of("/proc");

  private CompilerCpu() {}

  /** The compiler threads' CPU time of process {@code pid}; empty where there is no such /proc. */
  static Optional<Duration> of(long pid) {
    return read(PROC, pid);
  }

  /**
   * As {@link #of}, from {@code proc} laid out as Linux's /proc.
   *
   * @return empty when the process's task folder is missing or a compiler thread's files do not
   *     read as the kernel writes them
   */
  static Optional<Duration> read(Path proc, long pid) {
    Path tasks = proc.resolve(Long.toString(pid)).resolve("task");
    if (!Files.isDirectory(tasks)) {
      return Optional.empty();
    }
    long nanos = 0;
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        nanos += compilerNanos(thread);
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(nanos));
  }

  /** The thread's time on a CPU if it is a compiler thread, else 0; 0 for one that just ended. */
  private static long compilerNanos(Path thread) throws IOException {
    try {
      String name = Files.readString(thread.resolve("comm"), StandardCharsets.UTF_8).strip();
      if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
        return 0;
      }
      String schedstat = Files.readString(thread.resolve("schedstat"), StandardCharsets.UTF_8);
      return Long.parseLong(schedstat.strip().split(" ", 2)[0]);
    } catch (NoSuchFileException e) {
      return 0;
    }
  }
}
