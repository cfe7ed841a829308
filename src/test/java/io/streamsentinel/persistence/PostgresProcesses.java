package io.streamsentinel.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The processes of a running PostgreSQL server, found from its data folder, and the signals a fault
 * test sends them: a crash ({@code SIGKILL}) and a hang ({@code SIGSTOP} / {@code SIGCONT}).
 */
final class PostgresProcesses {

  private final ProcessHandle postmaster;

  private PostgresProcesses(ProcessHandle postmaster) {
    this.postmaster = postmaster;
  }

  /** The server running on {@code dataDir}, from the first line of its {@code postmaster.pid}. */
  static PostgresProcesses of(Path dataDir) throws IOException {
    List<String> lines =
        Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
    long pid = Long.parseLong(lines.get(0).trim());
    return new PostgresProcesses(
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .orElseThrow(() -> new IllegalStateException("no postmaster with pid " + pid)));
  }

  /** The postmaster and every process it started (backends, checkpointer, WAL writer...). */
  List<ProcessHandle> all() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(postmaster);
    postmaster.descendants().forEach(all::add);
    return all;
  }

  /**
   * {@code kill -9} of the postmaster, as a crash would. Its children are not signalled: they are
   * returned, alive or not, so the caller can see whether they die on their own.
   */
  List<ProcessHandle> killPostmaster() {
    List<ProcessHandle> children = postmaster.descendants().toList();
    postmaster.destroyForcibly(); // SIGKILL on Unix
    return children;
  }

  /** Waits until each process has exited or {@code max} has passed; the ones still alive. */
  static List<ProcessHandle> awaitExit(List<ProcessHandle> processes, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    List<ProcessHandle> alive = new ArrayList<>();
    for (ProcessHandle p : processes) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        p.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        if (p.isAlive()) {
          alive.add(p);
        }
      }
    }
    return alive;
  }

  /**
   * Sends {@code signal} (e.g. {@code STOP}, {@code CONT}, {@code KILL}) to each process; one that
   * has exited meanwhile (a backend whose client left) is skipped.
   */
  static void signal(String signal, List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle p : processes) {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid()))
              .redirectErrorStream(true)
              .start();
      String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!kill.waitFor(10, TimeUnit.SECONDS) || (kill.exitValue() != 0 && p.isAlive())) {
        throw new IllegalStateException("kill -" + signal + " " + p.pid() + " failed: " + output);
      }
    }
  }
}
