package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM's JIT compiler threads' CPU time, read from /proc as Linux lays it out. */
class CompilerCpuTest {

  @TempDir Path proc;

  @Test
  void shouldAddUpTheCompilerThreadsAndLeaveOutEveryOtherThread() throws IOException {
    thread(42, 42, "java", "9000000000 5 7");
    thread(42, 43, "C2 CompilerThre", "2500000000 11 13");
    thread(42, 44, "C1 CompilerThre", "500000000 3 4");
    thread(42, 45, "GC Thread#0", "800000000 1 1");
    thread(42, 46, "bench-cold-dete", "7000000000 1 1");

    assertThat(CompilerCpu.read(proc, 42)).contains(Duration.ofMillis(3000));
  }

  @Test
  void shouldSayNothingForAProcessItCannotSee() {
    assertThat(CompilerCpu.read(proc, 7)).isEmpty();
  }

  @Test
  void shouldSayNothingWhenACompilerThreadsTimeIsNotANumber() throws IOException {
    thread(42, 43, "C2 CompilerThre", "soon 1 1");

    assertThat(CompilerCpu.read(proc, 42)).isEmpty();
  }

  @Test
  void shouldCountAJvmciCompilerAndReadANameCutInsideACharacter() throws IOException {
    thread(42, 43, "JVMCI CompilerT", "4000 1 1");
    Path cut = Files.createDirectories(proc.resolve("42/task/44"));
    Files.write(cut.resolve("comm"), new byte[] {'w', 'o', 'r', 'k', 'e', 'r', ' ', (byte) 0xC3});
    Files.writeString(cut.resolve("schedstat"), "9000 1 1\n");

    assertThat(CompilerCpu.read(proc, 42)).contains(Duration.ofNanos(4000));
  }

  @Test
  void shouldSayNothingWhenAKernelKeepsNoTimeForACompilerThread() throws IOException {
    thread(42, 43, "C2 CompilerThre", "1000 1 1");
    Path withoutSchedstat = Files.createDirectories(proc.resolve("42/task/44"));
    Files.writeString(withoutSchedstat.resolve("comm"), "C1 CompilerThre\n");

    assertThat(CompilerCpu.read(proc, 42)).isEmpty();
  }

  @Test
  void shouldSkipAThreadThatEndedWhileItWasRead() throws IOException {
    thread(42, 43, "C2 CompilerThre", "2000000 1 1");
    Files.createDirectories(proc.resolve("42/task/44")); // listed, its files already gone

    assertThat(CompilerCpu.read(proc, 42)).contains(Duration.ofNanos(2_000_000));
  }

  @Test
  void shouldFindThisJvmsOwnCompilerThreadsBusy() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");

    assertThat(CompilerCpu.of(ProcessHandle.current().pid()))
        .hasValueSatisfying(time -> assertThat(time).isPositive());
  }

  private void thread(long pid, long tid, String comm, String schedstat) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
    Files.writeString(dir.resolve("comm"), comm + "\n");
    Files.writeString(dir.resolve("schedstat"), schedstat + "\n");
  }
}
