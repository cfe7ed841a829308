package io.streamsentinel.detection;

import java.util.Arrays;
import java.util.List;

/**
 * The most recently used distinct values (merchants, countries, ...), most recent first, at most
 * {@link #capacity()} of them. Immutable. Bounded so a profile stays small; the price is that a
 * value unused for longer than {@code capacity} other values counts as new again.
 */
public final class RecentSet {

  private final int capacity;
  private final String[] values;

  /**
   * The values' hash codes, in the same order: a lookup scans these few ints and compares a string
   * only where its hash matches, instead of visiting every string object (each a likely cache miss
   * in a profile read or kept a while ago).
   */
  private final int[] hashes;

  private RecentSet(int capacity, String[] values, int[] hashes) {
    this.capacity = capacity;
    this.values = values;
    this.hashes = hashes;
  }

  /**
   * An empty set.
   *
   * @param capacity &gt; 0
   */
  public static RecentSet empty(int capacity) {
    return of(capacity, List.of());
  }

  /**
   * A set of the given values, most recent first.
   *
   * @throws IllegalArgumentException when there are more values than {@code capacity}, duplicates
   *     or nulls
   */
  public static RecentSet of(int capacity, List<String> mostRecentFirst) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0 but was " + capacity);
    }
    String[] values = mostRecentFirst.toArray(new String[0]);
    if (values.length > capacity) {
      throw new IllegalArgumentException(values.length + " values exceed capacity " + capacity);
    }
    int[] hashes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null || indexOf(values, hashes, values[i], i) >= 0) {
        throw new IllegalArgumentException("null or duplicate value at " + i);
      }
      hashes[i] = values[i].hashCode();
    }
    return new RecentSet(capacity, values, hashes);
  }

  /** Whether the value was seen among the most recent ones; false for null. */
  public boolean contains(String value) {
    return value != null && indexOf(values, hashes, value, values.length) >= 0;
  }

  /** This set with the value moved or added to the front; this very set if it is already there. */
  public RecentSet plus(String value) {
    if (value == null) {
      return this;
    }
    int found = indexOf(values, hashes, value, values.length);
    if (found == 0) {
      return this;
    }
    int keep = found >= 0 ? values.length : Math.min(values.length + 1, capacity);
    String[] next = new String[keep];
    int[] nextHashes = new int[keep];
    next[0] = value;
    nextHashes[0] = value.hashCode();
    int to = 1;
    for (int i = 0; i < values.length && to < keep; i++) {
      if (i != found) {
        nextHashes[to] = hashes[i];
        next[to++] = values[i];
      }
    }
    return new RecentSet(capacity, next, nextHashes);
  }

  /** How many values it holds at most. */
  public int capacity() {
    return capacity;
  }

  /** Number of values held. */
  public int size() {
    return values.length;
  }

  /** The values, most recent first. */
  public List<String> values() {
    return List.of(values);
  }

  /**
   * The value at {@code index}, 0 being the most recent: lets the profile codec write the values
   * without the copy {@link #values()} makes.
   *
   * @throws IndexOutOfBoundsException unless 0 &le; index &lt; {@link #size()}
   */
  public String get(int index) {
    return values[index];
  }

  private static int indexOf(String[] values, int[] hashes, String value, int limit) {
    int hash = value.hashCode();
    for (int i = 0; i < limit; i++) {
      if (hashes[i] == hash && values[i].equals(value)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecentSet that
        && capacity == that.capacity
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * capacity + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
