package io.streamsentinel.detection;

import java.util.Arrays;

/**
 * The transaction ids a user's profile remembers for de-duplication: 64-bit hashes of the most
 * recent {@link #CAPACITY} ids with the record time each was seen, oldest first. Immutable.
 *
 * <p>Kept inside the profile, so de-duplication costs no store, changelog record or range scan of
 * its own, and an id is per user by construction. Bounded: a duplicate is caught while its original
 * is among the user's last {@link #CAPACITY} transactions within the window (redeliveries and
 * replays come soon after the original). Two different ids of one user share a hash with a
 * probability near 2<sup>-64</sup> per pair: about one false duplicate in 10<sup>16</sup>
 * transactions.
 */
public final class RecentIds {

  /** Ids remembered per user. */
  public static final int CAPACITY = 64;

  private static final RecentIds EMPTY = new RecentIds(new long[0], new long[0]);

  private final long[] hashes;
  private final long[] times;

  private RecentIds(long[] hashes, long[] times) {
    this.hashes = hashes;
    this.times = times;
  }

  public static RecentIds empty() {
    return EMPTY;
  }

  /**
   * The ids as stored, oldest first; more than {@link #CAPACITY} keeps the newest.
   *
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public static RecentIds restore(long[] hashes, long[] times) {
    if (hashes.length != times.length) {
      throw new IllegalArgumentException(
          hashes.length + " id hashes but " + times.length + " times");
    }
    int from = Math.max(0, hashes.length - CAPACITY);
    return new RecentIds(
        Arrays.copyOfRange(hashes, from, hashes.length),
        Arrays.copyOfRange(times, from, times.length));
  }

  /** The 64-bit hash of an id (FNV-1a over its UTF-16 code units). */
  public static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Whether {@code hash} was seen within {@code windowMillis} of {@code time}, either side. */
  public boolean contains(long hash, long time, long windowMillis) {
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] == hash && Math.abs(times[i] - time) <= windowMillis) {
        return true;
      }
    }
    return false;
  }

  /**
   * These ids with {@code hash} seen at {@code time}: ids older than the window before it are let
   * go, and the oldest when full.
   */
  public RecentIds plus(long hash, long time, long windowMillis) {
    int keepFrom = 0;
    while (keepFrom < times.length && times[keepFrom] < time - windowMillis) {
      keepFrom++;
    }
    keepFrom = Math.max(keepFrom, times.length - CAPACITY + 1);
    int kept = times.length - keepFrom;
    long[] h = Arrays.copyOfRange(hashes, keepFrom, keepFrom + kept + 1);
    long[] t = Arrays.copyOfRange(times, keepFrom, keepFrom + kept + 1);
    h[kept] = hash;
    t[kept] = time;
    return new RecentIds(h, t);
  }

  public int size() {
    return hashes.length;
  }

  public long hashAt(int i) {
    return hashes[i];
  }

  public long timeAt(int i) {
    return times[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecentIds other
        && Arrays.equals(hashes, other.hashes)
        && Arrays.equals(times, other.times);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(hashes) + Arrays.hashCode(times);
  }

  @Override
  public String toString() {
    return "RecentIds[" + hashes.length + "]";
  }
}
