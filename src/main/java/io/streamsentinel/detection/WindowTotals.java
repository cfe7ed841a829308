package io.streamsentinel.detection;

import java.util.Arrays;

/**
 * The running totals of every {@link VelocityWindow} over one {@link WindowEntries}: per window the
 * index of its oldest entry, the sum of cents and the count of entries carrying each mark bit.
 * Mutable only while {@link SlidingWindows} builds a new instance; never changed after.
 */
final class WindowTotals {

  private static final VelocityWindow[] WINDOWS = VelocityWindow.values();

  final int[] start = new int[WINDOWS.length];
  final long[] sums = new long[WINDOWS.length];
  final int[] marked = new int[WINDOWS.length * SlidingWindows.MARK_KINDS];

  /** Totals computed from scratch, for entries read back from the store: O(entries). */
  static WindowTotals of(WindowEntries entries) {
    WindowTotals totals = new WindowTotals();
    int size = entries.size();
    Arrays.fill(totals.start, size);
    long ref = size == 0 ? 0 : entries.newest();
    for (int i = size - 1; i >= 0; i--) {
      for (VelocityWindow window : WINDOWS) {
        if (window.covers(entries.times[i], ref)) {
          totals.account(window.ordinal(), entries, i, +1);
          totals.start[window.ordinal()] = i;
        }
      }
    }
    return totals;
  }

  WindowTotals copy() {
    WindowTotals copy = new WindowTotals();
    System.arraycopy(start, 0, copy.start, 0, start.length);
    System.arraycopy(sums, 0, copy.sums, 0, sums.length);
    System.arraycopy(marked, 0, copy.marked, 0, marked.length);
    return copy;
  }

  /** Moves every window's start past the entries it no longer covers at {@code ref}. */
  void evictUpTo(WindowEntries entries, long ref) {
    for (VelocityWindow window : WINDOWS) {
      int w = window.ordinal();
      while (start[w] < entries.size() && !window.covers(entries.times[start[w]], ref)) {
        account(w, entries, start[w]++, -1);
      }
    }
  }

  /** Takes the entry at {@code index}, the oldest kept, out of every window that still has it. */
  void dropOldest(WindowEntries entries, int index) {
    for (int w = 0; w < WINDOWS.length; w++) {
      if (start[w] == index) {
        account(w, entries, start[w]++, -1);
      }
    }
  }

  /**
   * Changes these totals, a copy still being built, to those of {@code next}: the first {@code
   * drop} entries gone and one more entry at {@code inserted}, counted in every window covering it,
   * while every other window's start moves past it.
   */
  void insert(WindowEntries next, int drop, int inserted) {
    long ref = next.newest();
    for (VelocityWindow window : WINDOWS) {
      int w = window.ordinal();
      boolean covered = window.covers(next.times[inserted], ref);
      start[w] = start[w] - drop + (covered ? 0 : 1);
      if (covered) {
        account(w, next, inserted, +1);
      }
    }
  }

  /** Index of the first entry inside {@code window} at reference time {@code ref}. */
  int firstInside(WindowEntries entries, VelocityWindow window, long ref) {
    int i = start[window.ordinal()];
    while (i < entries.size() && !window.covers(entries.times[i], ref)) {
      i++;
    }
    return i;
  }

  private void account(int w, WindowEntries entries, int i, int sign) {
    sums[w] += sign * entries.cents[i];
    int entryMarks = entries.marks[i];
    for (int k = 0; k < SlidingWindows.MARK_KINDS; k++) {
      if ((entryMarks & (1 << k)) != 0) {
        marked[w * SlidingWindows.MARK_KINDS + k] += sign;
      }
    }
  }
}
