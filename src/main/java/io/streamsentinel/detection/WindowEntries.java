package io.streamsentinel.detection;

/** Array chores of {@link SlidingWindows}, kept apart so that class reads as window arithmetic. */
final class WindowEntries {

  private WindowEntries() {}

  /** Rejects stored entries that {@link SlidingWindows} could not have produced. */
  static void check(long[] times, long[] cents, byte[] marks, int capacity) {
    if (times.length != cents.length || times.length != marks.length) {
      throw new IllegalArgumentException(
          "entry arrays differ in length: "
              + times.length
              + " times, "
              + cents.length
              + " amounts, "
              + marks.length
              + " marks");
    }
    if (times.length > capacity) {
      throw new IllegalArgumentException(
          times.length + " entries exceed the capacity of " + capacity);
    }
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1]) {
        throw new IllegalArgumentException("entry " + i + " is older than entry " + (i - 1));
      }
    }
    long newest = times.length == 0 ? 0 : times[times.length - 1];
    if (times.length > 0 && !VelocityWindow.HORIZON.covers(times[0], newest)) {
      throw new IllegalArgumentException("the oldest entry lies beyond the 24 h horizon");
    }
  }

  /**
   * Copies {@code from[drop..]} into {@code to} with {@code value} inserted at {@code position}.
   */
  static void copyWithInsert(long[] from, long[] to, int drop, int position, long value) {
    int before = position - drop;
    System.arraycopy(from, drop, to, 0, before);
    to[before] = value;
    System.arraycopy(from, position, to, before + 1, from.length - position);
  }

  /** As {@link #copyWithInsert(long[], long[], int, int, long)} for the mark bytes. */
  static void copyWithInsert(byte[] from, byte[] to, int drop, int position, byte value) {
    int before = position - drop;
    System.arraycopy(from, drop, to, 0, before);
    to[before] = value;
    System.arraycopy(from, position, to, before + 1, from.length - position);
  }
}
