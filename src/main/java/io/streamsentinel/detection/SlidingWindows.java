package io.streamsentinel.detection;

import java.util.Arrays;

/**
 * Exact counts and sums of one user's transactions over every {@link VelocityWindow}, in event
 * time. Immutable: {@link #plus} returns a new instance.
 *
 * <p>Entries (time, amount in cents, marks) are kept in time order for the {@link
 * VelocityWindow#HORIZON} (24 h) before the newest event, at most {@link #CAPACITY} of them. Each
 * window keeps a running count, sum and count per {@linkplain #SMALL_AMOUNT mark} plus the index of
 * its oldest entry, so adding an event only walks the entries that leave a window: amortised O(1)
 * arithmetic per event. The copy of the arrays that immutability costs is one {@code arraycopy} of
 * at most {@link #CAPACITY} entries, the same order as writing the state to the store, which
 * happens on every event anyway.
 *
 * <p><b>Bound.</b> Counts are exact while a user has at most {@link #CAPACITY} events within 24 h.
 * Beyond that the oldest entries are dropped and the longer windows become lower bounds.
 *
 * <p><b>Late events</b> (earlier than the newest seen) do not move the reference time: the windows
 * stay anchored at the newest event. A late event within the horizon is inserted in time order and
 * counted in every window that still covers it; an older one is not kept at all (the profile still
 * counts it in its lifetime statistics).
 */
public final class SlidingWindows {

  /** Most entries kept: a generous day of card use, 4 KiB of state at worst. */
  public static final int CAPACITY = 256;

  /** Mark bit of a transaction below the small-amount limit (card testing). */
  public static final int SMALL_AMOUNT = 1;

  /** Mark bit of a transaction at a merchant the user had not used before (spending sprees). */
  public static final int NEW_MERCHANT = 2;

  /** Mark bit of a transaction from a device the user had not used before (account takeover). */
  public static final int NEW_DEVICE = 4;

  /** Number of mark bits; each window counts the entries carrying each bit. */
  static final int MARK_KINDS = 3;

  private static final VelocityWindow[] WINDOWS = VelocityWindow.values();
  private static final SlidingWindows EMPTY =
      new SlidingWindows(new long[0], new long[0], new byte[0]);

  private final long[] times;
  private final long[] cents;
  private final byte[] marks;
  private final int[] start = new int[WINDOWS.length];
  private final long[] sums = new long[WINDOWS.length];
  private final int[] marked = new int[WINDOWS.length * MARK_KINDS];

  private SlidingWindows(long[] times, long[] cents, byte[] marks) {
    this.times = times;
    this.cents = cents;
    this.marks = marks;
  }

  /** No events yet. */
  public static SlidingWindows empty() {
    return EMPTY;
  }

  /**
   * Rebuilds the windows from stored entries (oldest first), recomputing the running totals.
   *
   * @throws IllegalArgumentException when the entries are out of order, exceed {@link #CAPACITY},
   *     differ in length or reach further back than the horizon
   */
  public static SlidingWindows restore(long[] times, long[] cents, byte[] marks) {
    WindowEntries.check(times, cents, marks, CAPACITY);
    if (times.length == 0) {
      return EMPTY;
    }
    SlidingWindows restored = new SlidingWindows(times.clone(), cents.clone(), marks.clone());
    long ref = times[times.length - 1];
    for (int w = 0; w < WINDOWS.length; w++) {
      restored.start[w] = times.length;
    }
    for (int i = times.length - 1; i >= 0; i--) {
      restored.count(i, ref);
    }
    return restored;
  }

  /** The windows with one more event; late and overflowing events as the class documents. */
  public SlidingWindows plus(long time, long amountCents, int eventMarks) {
    if (times.length == 0) {
      return restore(new long[] {time}, new long[] {amountCents}, new byte[] {(byte) eventMarks});
    }
    long ref = Math.max(newest(), time);
    if (!VelocityWindow.HORIZON.covers(time, ref)) {
      return this;
    }
    // Work on a copy of the totals over the same entries, then build the new entry arrays once.
    SlidingWindows totals = copyTotals();
    totals.evictUpTo(ref);
    int drop = totals.start[VelocityWindow.HORIZON.ordinal()];
    int position = insertionPoint(time, drop);
    if (times.length - drop >= CAPACITY) {
      if (position == drop) {
        return this; // a late event older than everything kept: the one to drop anyway
      }
      totals.dropOldest(drop++);
    }
    return totals.withInserted(drop, position, time, amountCents, (byte) eventMarks);
  }

  /** Number of events in the window once an event at {@code time} is added. */
  public int countWith(VelocityWindow window, long time) {
    long ref = referenceWith(time);
    int first = firstInside(window, ref);
    return times.length - first + (window.covers(time, ref) ? 1 : 0);
  }

  /** Sum in cents of the window once an event of {@code amountCents} at {@code time} is added. */
  public long sumWith(VelocityWindow window, long time, long amountCents) {
    long ref = referenceWith(time);
    int w = window.ordinal();
    long sum = sums[w];
    for (int i = start[w]; i < times.length && !window.covers(times[i], ref); i++) {
      sum -= cents[i];
    }
    return sum + (window.covers(time, ref) ? amountCents : 0);
  }

  /**
   * Number of events carrying {@code mark} in the window once an event at {@code time} with {@code
   * eventMarks} is added.
   */
  public int markedWith(VelocityWindow window, int mark, long time, int eventMarks) {
    long ref = referenceWith(time);
    int w = window.ordinal();
    int slot = w * MARK_KINDS + Integer.numberOfTrailingZeros(mark);
    int count = marked[slot];
    for (int i = start[w]; i < times.length && !window.covers(times[i], ref); i++) {
      count -= (marks[i] & mark) != 0 ? 1 : 0;
    }
    boolean counted = window.covers(time, ref) && (eventMarks & mark) != 0;
    return count + (counted ? 1 : 0);
  }

  /** Number of entries kept. */
  public int size() {
    return times.length;
  }

  /** Event time in epoch milliseconds of entry {@code i}, oldest first. */
  public long time(int i) {
    return times[i];
  }

  /** Amount in cents of entry {@code i}. */
  public long cents(int i) {
    return cents[i];
  }

  /** Mark bits of entry {@code i}. */
  public int marks(int i) {
    return marks[i];
  }

  /** Time of the newest entry, or {@link Long#MIN_VALUE} when there is none. */
  public long newest() {
    return times.length == 0 ? Long.MIN_VALUE : times[times.length - 1];
  }

  private long referenceWith(long time) {
    return times.length == 0 ? time : Math.max(newest(), time);
  }

  private int firstInside(VelocityWindow window, long ref) {
    int i = start[window.ordinal()];
    while (i < times.length && !window.covers(times[i], ref)) {
      i++;
    }
    return i;
  }

  /** Where an event at {@code time} goes: after every kept entry at the same or an earlier time. */
  private int insertionPoint(long time, int from) {
    int i = times.length;
    while (i > from && times[i - 1] > time) {
      i--;
    }
    return i;
  }

  private SlidingWindows copyTotals() {
    SlidingWindows next = new SlidingWindows(times, cents, marks);
    System.arraycopy(start, 0, next.start, 0, start.length);
    System.arraycopy(sums, 0, next.sums, 0, sums.length);
    System.arraycopy(marked, 0, next.marked, 0, marked.length);
    return next;
  }

  /** Moves every window's start past the entries it no longer covers at {@code ref}. */
  private void evictUpTo(long ref) {
    for (VelocityWindow window : WINDOWS) {
      int w = window.ordinal();
      while (start[w] < times.length && !window.covers(times[start[w]], ref)) {
        account(w, this, start[w], -1);
        start[w]++;
      }
    }
  }

  /** Removes the kept entry at {@code index} (the oldest) from every window that still has it. */
  private void dropOldest(int index) {
    for (int w = 0; w < WINDOWS.length; w++) {
      if (start[w] == index) {
        account(w, this, index, -1);
        start[w]++;
      }
    }
  }

  /**
   * A new instance: these totals and entries from {@code drop} on, plus one entry at {@code
   * position}.
   */
  private SlidingWindows withInserted(int drop, int position, long time, long amount, byte mark) {
    int kept = times.length - drop;
    SlidingWindows next =
        new SlidingWindows(new long[kept + 1], new long[kept + 1], new byte[kept + 1]);
    WindowEntries.copyWithInsert(times, next.times, drop, position, time);
    WindowEntries.copyWithInsert(cents, next.cents, drop, position, amount);
    WindowEntries.copyWithInsert(marks, next.marks, drop, position, mark);
    long ref = next.times[kept];
    int inserted = position - drop;
    for (VelocityWindow window : WINDOWS) {
      int w = window.ordinal();
      next.sums[w] = sums[w];
      System.arraycopy(marked, w * MARK_KINDS, next.marked, w * MARK_KINDS, MARK_KINDS);
      boolean covered = window.covers(time, ref);
      next.start[w] = start[w] - drop + (covered ? 0 : 1);
      if (covered) {
        next.account(w, next, inserted, +1);
      }
    }
    return next;
  }

  /** Counts entry {@code i} (newest first during a rebuild) in every window that covers it. */
  private void count(int i, long ref) {
    for (VelocityWindow window : WINDOWS) {
      if (window.covers(times[i], ref)) {
        int w = window.ordinal();
        account(w, this, i, +1);
        start[w] = i;
      }
    }
  }

  private void account(int w, SlidingWindows source, int i, int sign) {
    sums[w] += sign * source.cents[i];
    int entryMarks = source.marks[i];
    for (int k = 0; k < MARK_KINDS; k++) {
      if ((entryMarks & (1 << k)) != 0) {
        marked[w * MARK_KINDS + k] += sign;
      }
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SlidingWindows that
        && Arrays.equals(times, that.times)
        && Arrays.equals(cents, that.cents)
        && Arrays.equals(marks, that.marks);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(times) + Arrays.hashCode(cents)) + Arrays.hashCode(marks);
  }

  @Override
  public String toString() {
    return "SlidingWindows[entries=" + times.length + ", newest=" + newest() + "]";
  }
}
