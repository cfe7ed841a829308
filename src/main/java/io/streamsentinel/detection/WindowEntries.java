package io.streamsentinel.detection;

/**
 * The (time, cents, marks) entries of {@link SlidingWindows}, oldest first, as parallel primitive
 * arrays. Never modified once built.
 */
final class WindowEntries {

  static final WindowEntries NONE = new WindowEntries(new long[0], new long[0], new byte[0]);

  final long[] times;
  final long[] cents;
  final byte[] marks;

  private WindowEntries(long[] times, long[] cents, byte[] marks) {
    this.times = times;
    this.cents = cents;
    this.marks = marks;
  }

  /**
   * Checked copies of stored entries.
   *
   * @throws IllegalArgumentException for entries {@link SlidingWindows} could not have produced
   */
  static WindowEntries of(long[] times, long[] cents, byte[] marks, int capacity) {
    if (times.length != cents.length || times.length != marks.length) {
      throw new IllegalArgumentException(
          "entry arrays differ in length: "
              + times.length
              + ", "
              + cents.length
              + ", "
              + marks.length);
    }
    if (times.length > capacity) {
      throw new IllegalArgumentException(times.length + " entries exceed the capacity " + capacity);
    }
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1]) {
        throw new IllegalArgumentException("entry " + i + " is older than entry " + (i - 1));
      }
    }
    if (times.length > 0 && !VelocityWindow.HORIZON.covers(times[0], times[times.length - 1])) {
      throw new IllegalArgumentException("the oldest entry lies beyond the 24 h horizon");
    }
    return new WindowEntries(times.clone(), cents.clone(), marks.clone());
  }

  int size() {
    return times.length;
  }

  long newest() {
    return times[times.length - 1];
  }

  /** Where an event at {@code time} goes: after every entry from {@code from} at or before it. */
  int insertionPoint(long time, int from) {
    int i = times.length;
    while (i > from && times[i - 1] > time) {
      i--;
    }
    return i;
  }

  /** The entries from {@code drop} on, with one more inserted at {@code position}. */
  WindowEntries withInsert(int drop, int position, long time, long amount, byte mark) {
    int kept = times.length - drop;
    WindowEntries next =
        new WindowEntries(new long[kept + 1], new long[kept + 1], new byte[kept + 1]);
    int before = position - drop;
    int after = times.length - position;
    System.arraycopy(times, drop, next.times, 0, before);
    System.arraycopy(cents, drop, next.cents, 0, before);
    System.arraycopy(marks, drop, next.marks, 0, before);
    next.times[before] = time;
    next.cents[before] = amount;
    next.marks[before] = mark;
    System.arraycopy(times, position, next.times, before + 1, after);
    System.arraycopy(cents, position, next.cents, before + 1, after);
    System.arraycopy(marks, position, next.marks, before + 1, after);
    return next;
  }
}
