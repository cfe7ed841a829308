package io.streamsentinel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The CPU time another JVM's JIT compiler threads have used, read from outside, as the OS keeps it
 * on Linux: {@code /proc/PID/task/TID/comm} names each thread (HotSpot's compiler threads are
 * {@code C1 CompilerThreadN} and {@code C2 CompilerThreadN}, a JVMCI compiler's {@code JVMCI
 * CompilerThreadN}, cut by the kernel to 15 bytes) and the first field of {@code
 * /proc/PID/task/TID/schedstat} is its time on a CPU in nanoseconds. A compiler thread that has
 * ended is no longer listed (HotSpot may stop idle ones on machines with more cores), so the figure
 * is a lower bound there; with two cores HotSpot runs one of each and keeps both.
 */
final class CompilerCpu {

  private static final Path PROC = Path.of("/proc");

  private static final String[] COMPILER_PREFIXES = {"C1 CompilerThre", "C2 CompilerThre", "JVMCI"};

  private CompilerCpu() {}

  /** The compiler threads' CPU time of process {@code pid}; empty where there is no such /proc. */
  static Optional<Duration> of(long pid) {
    return read(PROC, pid);
  }

  /**
   * As {@link #of}, from {@code proc} laid out as Linux's /proc. A thread that ends while it is
   * read adds nothing.
   *
   * @return empty when the process's task folder cannot be read, or a compiler thread that is still
   *     there has no time on a CPU as the kernel writes it (a kernel without schedstat)
   */
  static Optional<Duration> read(Path proc, long pid) {
    long nanos = 0;
    try (DirectoryStream<Path> threads =
        Files.newDirectoryStream(proc.resolve(Long.toString(pid)).resolve("task"))) {
      for (Path thread : threads) {
        OptionalLong time = compilerNanos(thread);
        if (time.isEmpty()) {
          return Optional.empty();
        }
        nanos += time.getAsLong();
      }
    } catch (IOException | DirectoryIteratorException e) {
      return Optional.empty(); // no such process, or it ended while its threads were listed
    }
    return Optional.of(Duration.ofNanos(nanos));
  }

  /**
   * The thread's time on a CPU if it is a compiler thread, else 0; 0 for a thread that ended while
   * it was read; empty when a compiler thread that is still there does not say.
   */
  private static OptionalLong compilerNanos(Path thread) {
    String name;
    try {
      // The kernel cuts at 15 bytes, perhaps inside a character; the prefixes are ASCII.
      name = new String(Files.readAllBytes(thread.resolve("comm")), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return OptionalLong.of(0);
    }
    if (!isCompiler(name)) {
      return OptionalLong.of(0);
    }
    try {
      String schedstat = Files.readString(thread.resolve("schedstat"), StandardCharsets.ISO_8859_1);
      return OptionalLong.of(Long.parseLong(schedstat.strip().split(" ", 2)[0]));
    } catch (IOException | NumberFormatException e) {
      return Files.isDirectory(thread) ? OptionalLong.empty() : OptionalLong.of(0);
    }
  }

  private static boolean isCompiler(String name) {
    for (String prefix : COMPILER_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
