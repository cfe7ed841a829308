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
 * counts it in its lifetime statistics) unless everything kept lies more than a horizon ahead of
 * it: then what is kept is a future-dated island, and the windows start again from the event.
 *
 * <p><b>Far behind the newest</b> (more than {@link #OWN_TIME_BEYOND_MS}, an hour): the windows are
 * read as of the event's own time instead, counting the kept entries up to it and the event itself.
 * Anchored at the newest, no window short enough to matter would hold the event, so its features
 * would describe another moment. This is also what keeps one future-dated transaction from blinding
 * a user's windows: every later, correctly dated one is read at its own time, not at the future
 * one's. (The codec bounds how far ahead event time may be; within that bound the future entry
 * stays kept until it leaves the horizon, and the reads of the others simply do not reach it.) Such
 * a read walks the kept entries once; it is the exception, not the hot path.
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

  /**
   * How far behind the newest entry an event may be and still be read as of the newest: the longest
   * window that rules count short bursts in.
   */
  public static final long OWN_TIME_BEYOND_MS = VelocityWindow.ONE_HOUR.millis();

  /** Number of mark bits; each window counts the entries carrying each bit. */
  static final int MARK_KINDS = 3;

  private static final SlidingWindows EMPTY =
      new SlidingWindows(WindowEntries.NONE, WindowTotals.of(WindowEntries.NONE));

  private final WindowEntries entries;
  private final WindowTotals totals;

  private SlidingWindows(WindowEntries entries, WindowTotals totals) {
    this.entries = entries;
    this.totals = totals;
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
    WindowEntries entries = WindowEntries.of(times, cents, marks, CAPACITY);
    return entries.size() == 0 ? EMPTY : new SlidingWindows(entries, WindowTotals.of(entries));
  }

  /** The windows with one more event; late and overflowing events as the class documents. */
  public SlidingWindows plus(long time, long amountCents, int eventMarks) {
    if (entries.size() == 0) {
      return restore(new long[] {time}, new long[] {amountCents}, new byte[] {(byte) eventMarks});
    }
    long ref = Math.max(entries.newest(), time);
    if (!VelocityWindow.HORIZON.covers(time, ref)) {
      if (entries.times[0] - time > VelocityWindow.HORIZON.millis()) {
        // Everything kept lies more than a horizon ahead of this event: a future-dated island (one
        // transaction dated days or years ahead). Kept, it would blind every correctly dated event
        // after it until the clock caught up; the windows start again from this event instead.
        return restore(new long[] {time}, new long[] {amountCents}, new byte[] {(byte) eventMarks});
      }
      return this;
    }
    WindowTotals next = totals.copy();
    next.evictUpTo(entries, ref);
    int drop = next.start[VelocityWindow.HORIZON.ordinal()];
    int position = entries.insertionPoint(time, drop);
    if (entries.size() - drop >= CAPACITY) {
      if (position == drop) {
        return this; // a late event older than everything kept: the one to drop anyway
      }
      next.dropOldest(entries, drop++);
    }
    WindowEntries grown = entries.withInsert(drop, position, time, amountCents, (byte) eventMarks);
    next.insert(grown, drop, position - drop);
    return new SlidingWindows(grown, next);
  }

  /** Number of events in the window once an event at {@code time} is added. */
  public int countWith(VelocityWindow window, long time) {
    if (isFarBehind(time)) {
      return (int) atOwnTime(window, time, 0, ENTRY_COUNT) + 1;
    }
    long ref = referenceWith(time);
    int first = totals.firstInside(entries, window, ref);
    return entries.size() - first + (window.covers(time, ref) ? 1 : 0);
  }

  /** Sum in cents of the window once an event of {@code amountCents} at {@code time} is added. */
  public long sumWith(VelocityWindow window, long time, long amountCents) {
    if (isFarBehind(time)) {
      return atOwnTime(window, time, 0, ENTRY_CENTS) + amountCents;
    }
    long ref = referenceWith(time);
    long sum = totals.sums[window.ordinal()];
    int first = totals.firstInside(entries, window, ref);
    for (int i = totals.start[window.ordinal()]; i < first; i++) {
      sum -= entries.cents[i];
    }
    return sum + (window.covers(time, ref) ? amountCents : 0);
  }

  /**
   * Number of events carrying {@code mark} (one bit) in the window once an event at {@code time}
   * with {@code eventMarks} is added.
   */
  public int markedWith(VelocityWindow window, int mark, long time, int eventMarks) {
    if (isFarBehind(time)) {
      return (int) atOwnTime(window, time, mark, ENTRY_MARKED) + ((eventMarks & mark) != 0 ? 1 : 0);
    }
    long ref = referenceWith(time);
    int slot = window.ordinal() * MARK_KINDS + Integer.numberOfTrailingZeros(mark);
    int count = totals.marked[slot];
    int first = totals.firstInside(entries, window, ref);
    for (int i = totals.start[window.ordinal()]; i < first; i++) {
      count -= (entries.marks[i] & mark) != 0 ? 1 : 0;
    }
    boolean counted = window.covers(time, ref) && (eventMarks & mark) != 0;
    return count + (counted ? 1 : 0);
  }

  /** Number of events in the window as of the newest event; 0 when there is none. */
  public int count(VelocityWindow window) {
    // The newest event is always inside every window, and countWith adds the event it is given.
    return entries.size() == 0 ? 0 : countWith(window, entries.newest()) - 1;
  }

  /** Sum in cents of the window as of the newest event; 0 when there is none. */
  public long sum(VelocityWindow window) {
    return entries.size() == 0 ? 0 : sumWith(window, entries.newest(), 0);
  }

  /** Number of events carrying {@code mark} (one bit) in the window as of the newest event. */
  public int marked(VelocityWindow window, int mark) {
    return entries.size() == 0 ? 0 : markedWith(window, mark, entries.newest(), 0);
  }

  /** Number of entries kept. */
  public int size() {
    return entries.size();
  }

  /** Event time in epoch milliseconds of entry {@code i}, oldest first. */
  public long time(int i) {
    return entries.times[i];
  }

  /** Amount in cents of entry {@code i}. */
  public long cents(int i) {
    return entries.cents[i];
  }

  /** Mark bits of entry {@code i}. */
  public int marks(int i) {
    return entries.marks[i];
  }

  /** Time of the newest entry, or {@link Long#MIN_VALUE} when there is none. */
  public long newest() {
    return entries.size() == 0 ? Long.MIN_VALUE : entries.newest();
  }

  private static final int ENTRY_COUNT = 0;
  private static final int ENTRY_CENTS = 1;
  private static final int ENTRY_MARKED = 2;

  private boolean isFarBehind(long time) {
    return entries.size() > 0 && entries.newest() - time > OWN_TIME_BEYOND_MS;
  }

  /**
   * The count, sum or marked count ({@code what}) of the kept entries in {@code window} as of
   * {@code time} itself; entries after it are not counted.
   */
  private long atOwnTime(VelocityWindow window, long time, int mark, int what) {
    long total = 0;
    for (int i = 0; i < entries.size() && entries.times[i] <= time; i++) {
      if (window.covers(entries.times[i], time)) {
        total +=
            switch (what) {
              case ENTRY_COUNT -> 1;
              case ENTRY_CENTS -> entries.cents[i];
              default -> (entries.marks[i] & mark) != 0 ? 1 : 0;
            };
      }
    }
    return total;
  }

  private long referenceWith(long time) {
    return entries.size() == 0 ? time : Math.max(entries.newest(), time);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SlidingWindows that
        && Arrays.equals(entries.times, that.entries.times)
        && Arrays.equals(entries.cents, that.entries.cents)
        && Arrays.equals(entries.marks, that.entries.marks);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(entries.times) + Arrays.hashCode(entries.cents))
        + Arrays.hashCode(entries.marks);
  }

  @Override
  public String toString() {
    return "SlidingWindows[entries=" + entries.size() + ", newest=" + newest() + "]";
  }
}
