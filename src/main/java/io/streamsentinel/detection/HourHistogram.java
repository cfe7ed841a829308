package io.streamsentinel.detection;

import java.util.Arrays;

/** How many of a user's transactions fell in each UTC hour of the day. Immutable. */
public final class HourHistogram {

  /** Hours in a day: the number of bins. */
  public static final int HOURS = EventTime.HOURS_PER_DAY;

  private static final HourHistogram EMPTY = new HourHistogram(new int[HOURS], 0);

  private final int[] counts;
  private final long total;

  private HourHistogram(int[] counts, long total) {
    this.counts = counts;
    this.total = total;
  }

  /** No transactions yet. */
  public static HourHistogram empty() {
    return EMPTY;
  }

  /**
   * A histogram with the given counts per UTC hour.
   *
   * @throws IllegalArgumentException unless there are {@link #HOURS} counts, none negative
   */
  public static HourHistogram of(int[] counts) {
    if (counts.length != HOURS) {
      throw new IllegalArgumentException(
          "expected " + HOURS + " hourly counts but got " + counts.length);
    }
    long total = 0;
    for (int count : counts) {
      if (count < 0) {
        throw new IllegalArgumentException("negative hourly count " + count);
      }
      total += count;
    }
    return new HourHistogram(counts.clone(), total);
  }

  /** This histogram with one more transaction in the given UTC hour (0-23). */
  public HourHistogram plus(int hour) {
    int[] next = counts.clone();
    // Saturate rather than wrap: after 2^31 transactions in one hour the shape is settled anyway.
    next[hour] = next[hour] == Integer.MAX_VALUE ? next[hour] : next[hour] + 1;
    return new HourHistogram(next, total + 1);
  }

  /** Transactions in the given UTC hour (0-23). */
  public int count(int hour) {
    return counts[hour];
  }

  /** Transactions counted in all hours. */
  public long total() {
    return total;
  }

  /** The counts per UTC hour, a copy. */
  public int[] counts() {
    return counts.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HourHistogram that && Arrays.equals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "HourHistogram" + Arrays.toString(counts);
  }
}
