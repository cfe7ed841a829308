package io.streamsentinel.detection.drift;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A sliding window of live decisions' bins, written by one thread (a stream task) and read by
 * others (the metrics scrape, the health check, the dashboard).
 *
 * <p>The window is a ring of {@link DriftSettings#buckets()} buckets of wall-clock time; a decision
 * is counted in the bucket of its time, and a bucket older than the window is cleared when its slot
 * is reused and skipped when read. Counting a decision is a bin lookup and an increment per series,
 * with no allocation and no lock: the counts are plain {@code long}s written with opaque stores (a
 * plain move on x86) so a reader sees whole values. A reader that meets a bucket being recycled
 * skips it, so a read may miss the last moment's counts, never double them.
 */
public final class DriftWindow {

  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final long EMPTY = Long.MIN_VALUE;

  private final DriftLayout layout;
  private final long bucketMillis;
  private final int buckets;
  private final long[] counts;
  private final long[] epochs;
  private long currentEpoch = EMPTY;
  private int currentBase;

  public DriftWindow(DriftLayout layout, DriftSettings settings) {
    this.layout = layout;
    this.bucketMillis = settings.bucketMillis();
    this.buckets = settings.buckets();
    this.counts = new long[buckets * layout.stride()];
    this.epochs = new long[buckets];
    Arrays.fill(epochs, EMPTY);
  }

  public DriftLayout layout() {
    return layout;
  }

  /**
   * Counts one decision. Writer thread only.
   *
   * @param row the model's inputs in row order
   * @param score the model's probability; NaN counts in the NaN bin
   * @param nowMillis wall-clock time; a time earlier than the newest bucket counts in the newest
   */
  public void record(double[] row, double score, long nowMillis) {
    long epoch = Math.floorDiv(nowMillis, bucketMillis);
    if (epoch > currentEpoch || currentEpoch == EMPTY) {
      rotate(epoch);
    }
    layout.count(counts, currentBase, row, score);
  }

  private void rotate(long epoch) {
    int slot = (int) Math.floorMod(epoch, (long) buckets);
    int base = slot * layout.stride();
    LONGS.setVolatile(epochs, slot, EMPTY); // readers skip the slot while it is cleared
    VarHandle.storeStoreFence();
    for (int i = base; i < base + layout.stride(); i++) {
      LONGS.setOpaque(counts, i, 0L);
    }
    LONGS.setRelease(epochs, slot, epoch);
    currentEpoch = epoch;
    currentBase = base;
  }

  static void increment(long[] counts, int index) {
    LONGS.setOpaque(counts, index, counts[index] + 1);
  }

  /**
   * Adds the counts of the buckets within the window at {@code nowMillis} to {@code totals}. Any
   * thread.
   *
   * @param totals at least one bucket long ({@link DriftLayout#stride()})
   */
  public void addTo(long[] totals, long nowMillis) {
    long newest = Math.floorDiv(nowMillis, bucketMillis);
    int stride = layout.stride();
    long[] bucket = new long[stride];
    for (int slot = 0; slot < buckets; slot++) {
      long before = (long) LONGS.getAcquire(epochs, slot);
      if (before == EMPTY || before > newest || before <= newest - buckets) {
        continue;
      }
      for (int i = 0; i < stride; i++) {
        bucket[i] = (long) LONGS.getOpaque(counts, slot * stride + i);
      }
      VarHandle.loadLoadFence();
      if ((long) LONGS.getAcquire(epochs, slot) != before) {
        continue; // recycled while read
      }
      for (int i = 0; i < stride; i++) {
        totals[i] += bucket[i];
      }
    }
  }

  /** A totals array for {@link #addTo}. */
  public long[] newTotals() {
    return new long[layout.stride()];
  }
}
