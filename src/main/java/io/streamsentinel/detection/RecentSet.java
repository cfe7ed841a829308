package io.streamsentinel.detection;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The most recently used distinct values (merchants, countries, ...), most recent first, at most
 * {@link #capacity()} of them. Immutable. Bounded so a profile stays small; the price is that a
 * value unused for longer than {@code capacity} other values counts as new again.
 *
 * <p>The values are kept in the form the profile is stored in, its <em>wire form</em>: one after
 * the other, each as a varint of its UTF-8 length plus one and then its UTF-8 bytes. So the profile
 * codec reads a set by copying its bytes and writes it back in one piece ({@link #read}, {@link
 * #writeWire}) instead of decoding and encoding every value as a {@code String} for every record;
 * {@link #plus} patches the bytes (the new value in front, the rest copied in at most two pieces).
 * A {@code String} is made only when a value is asked for ({@link #get}, {@link #values}). Values
 * compare by their UTF-8 bytes.
 */
public final class RecentSet {

  /** Receives a set's wire form; the bytes must not be changed. */
  @FunctionalInterface
  public interface WireSink {
    void write(byte[] bytes, int offset, int length);
  }

  private static final byte[] NO_BYTES = new byte[0];
  private static final int[] NO_INTS = new int[0];
  private static final int VARINT_PAYLOAD_BITS = 7;
  private static final int VARINT_PAYLOAD_MASK = 0x7F;
  private static final int VARINT_MORE = 0x80;
  private static final char FIRST_NON_ASCII = 0x80;

  private final int capacity;

  /** The entries in wire form from offset 0 to {@code ends[size - 1]}. */
  private final byte[] wire;

  /** Where each value's UTF-8 bytes start in {@link #wire}; its entry starts at the end before. */
  private final int[] starts;

  /** Where each value's UTF-8 bytes end (exclusive). */
  private final int[] ends;

  /**
   * Each value's {@code String.hashCode()}: a lookup scans these few ints and compares bytes only
   * where the hash matches.
   */
  private final int[] hashes;

  /**
   * The last value looked up (the very object) and where it was, -1 for absent: the detector looks
   * the same transaction value up in the same set up to four times per record (the features, the
   * window marks, the novelty counts, {@link #plus}). A memo of a fact about this immutable set, in
   * an object with final fields: a thread that sees another's memo, or none, still answers right.
   */
  private record Probe(String value, int index) {}

  private Probe probe;

  private RecentSet(int capacity, byte[] wire, int[] starts, int[] ends, int[] hashes) {
    this.capacity = capacity;
    this.wire = wire;
    this.starts = starts;
    this.ends = ends;
    this.hashes = hashes;
  }

  /**
   * An empty set.
   *
   * @param capacity &gt; 0
   */
  public static RecentSet empty(int capacity) {
    requirePositive(capacity);
    return new RecentSet(capacity, NO_BYTES, NO_INTS, NO_INTS, NO_INTS);
  }

  /**
   * A set of the given values, most recent first.
   *
   * @throws IllegalArgumentException when there are more values than {@code capacity}, duplicates
   *     or nulls
   */
  public static RecentSet of(int capacity, List<String> mostRecentFirst) {
    requirePositive(capacity);
    if (mostRecentFirst.size() > capacity) {
      throw new IllegalArgumentException(
          mostRecentFirst.size() + " values exceed capacity " + capacity);
    }
    byte[][] utf8 = new byte[mostRecentFirst.size()][];
    int length = 0;
    for (int i = 0; i < utf8.length; i++) {
      String value = mostRecentFirst.get(i);
      if (value == null) {
        throw nullOrDuplicate(i);
      }
      utf8[i] = value.getBytes(StandardCharsets.UTF_8);
      length += varintLength(utf8[i].length + 1) + utf8[i].length;
    }
    byte[] wire = new byte[length];
    int at = 0;
    for (byte[] value : utf8) {
      at = putEntry(wire, at, value);
    }
    return fromWire(capacity, utf8.length, wire);
  }

  /**
   * The set whose wire form (see the class) is {@code wire}: {@code count} entries and nothing
   * after them. Should there be more than {@code capacity}, the least recent are let go.
   *
   * @throws IllegalArgumentException when the bytes are not {@code count} entries, or an entry is
   *     null or repeats an earlier one
   */
  public static RecentSet fromWire(int capacity, int count, byte[] wire) {
    RecentSet set = read(capacity, count, wire, 0);
    if (set.readLength() != wire.length) {
      throw new IllegalArgumentException(
          (wire.length - set.readLength()) + " bytes after the " + count + " entries");
    }
    return set;
  }

  /**
   * The set whose wire form is the {@code count} entries at {@code offset} in {@code source}, which
   * it copies; {@link #readLength()} then says how many bytes they took (the profile codec reads on
   * from there). Should there be more than {@code capacity}, the least recent are let go.
   *
   * @throws IllegalArgumentException when the bytes there are not {@code count} entries, or an
   *     entry is null or repeats an earlier one
   */
  public static RecentSet read(int capacity, int count, byte[] source, int offset) {
    requirePositive(capacity);
    if (count < 0) {
      throw new IllegalArgumentException("entry count must be >= 0 but was " + count);
    }
    int kept = Math.min(count, capacity);
    int[] starts = new int[kept];
    int[] ends = new int[kept];
    int[] hashes = new int[kept];
    // Open addressing over the hashes, at most half full: the duplicate check in linear time.
    int[] seen = new int[Integer.highestOneBit(Math.max(1, kept)) << 2];
    int at = offset;
    for (int i = 0; i < count; i++) {
      long lengthPlusOne = 0;
      int shift = 0;
      int b;
      do {
        if (at == source.length || shift > 28) {
          throw new IllegalArgumentException("entry " + i + " of " + count + ": bad length");
        }
        b = source[at++];
        lengthPlusOne |= (long) (b & VARINT_PAYLOAD_MASK) << shift;
        shift += VARINT_PAYLOAD_BITS;
      } while ((b & VARINT_MORE) != 0);
      if (lengthPlusOne == 0 && i < kept) {
        throw nullOrDuplicate(i);
      }
      if (lengthPlusOne - 1 > source.length - at) {
        throw new IllegalArgumentException(
            "entry " + i + " of " + count + ": length " + (lengthPlusOne - 1) + " overruns");
      }
      int end = at + (int) Math.max(0, lengthPlusOne - 1);
      if (i < kept) {
        int hash = hashOf(source, at, end);
        int slot = (hash ^ (hash >>> 16)) & (seen.length - 1);
        for (; seen[slot] != 0; slot = (slot + 1) & (seen.length - 1)) {
          int other = seen[slot] - 1;
          if (hashes[other] == hash
              && Arrays.equals(source, starts[other], ends[other], source, at, end)) {
            throw nullOrDuplicate(i);
          }
        }
        seen[slot] = i + 1;
        starts[i] = at;
        ends[i] = end;
        hashes[i] = hash;
      }
      at = end;
    }
    for (int i = 0; i < kept; i++) {
      starts[i] -= offset;
      ends[i] -= offset;
    }
    return new RecentSet(capacity, Arrays.copyOfRange(source, offset, at), starts, ends, hashes);
  }

  /** Whether the value was seen among the most recent ones; false for null. */
  public boolean contains(String value) {
    return value != null && indexOf(value) >= 0;
  }

  /** This set with the value moved or added to the front; this very set if it is already there. */
  public RecentSet plus(String value) {
    if (value == null) {
      return this;
    }
    int found = indexOf(value);
    byte[] utf8 = null; // encoded only for a value the set does not hold yet
    int hash = 0;
    if (found < 0) {
      utf8 = value.getBytes(StandardCharsets.UTF_8);
      hash = hashOf(utf8, 0, utf8.length);
      if (hash != value.hashCode()) {
        // Text that UTF-8 cannot carry (a lone surrogate is written as '?'): the set holds bytes,
        // so look for the text those bytes read back as, lest they be held twice.
        found = indexOf(new String(utf8, StandardCharsets.UTF_8));
      }
    }
    if (found == 0) {
      return this;
    }
    int size = size();
    int keep = found >= 0 ? size : Math.min(size + 1, capacity);
    // The new first entry: a value held is moved as it is stored, a new one is encoded.
    int head =
        found >= 0 ? ends[found] - entryStart(found) : varintLength(utf8.length + 1) + utf8.length;
    // The old entries kept, in order: [0, found) and (found, size), or the first keep - 1.
    int firstSpanEnd = found >= 0 ? entryStart(found) : keep > 1 ? ends[keep - 2] : 0;
    int secondSpanStart = found >= 0 ? ends[found] : 0;
    int secondSpanEnd = found >= 0 ? ends[size - 1] : 0;
    byte[] next = new byte[head + firstSpanEnd + (secondSpanEnd - secondSpanStart)];
    int[] nextStarts = new int[keep];
    int[] nextEnds = new int[keep];
    int[] nextHashes = new int[keep];
    if (found >= 0) {
      System.arraycopy(wire, entryStart(found), next, 0, head);
      nextStarts[0] = starts[found] - entryStart(found);
      nextHashes[0] = hashes[found];
    } else {
      putEntry(next, 0, utf8);
      nextStarts[0] = head - utf8.length;
      nextHashes[0] = hash;
    }
    nextEnds[0] = head;
    System.arraycopy(wire, 0, next, head, firstSpanEnd);
    System.arraycopy(
        wire, secondSpanStart, next, head + firstSpanEnd, secondSpanEnd - secondSpanStart);
    int to = 1;
    for (int i = 0; i < size && to < keep; i++) {
      if (i != found) {
        // Entries after a moved one keep their offsets: it took as many bytes as it freed.
        int shift = found >= 0 && i > found ? 0 : head;
        nextStarts[to] = starts[i] + shift;
        nextEnds[to] = ends[i] + shift;
        nextHashes[to++] = hashes[i];
      }
    }
    return new RecentSet(capacity, next, nextStarts, nextEnds, nextHashes);
  }

  /** How many values it holds at most. */
  public int capacity() {
    return capacity;
  }

  /** Number of values held. */
  public int size() {
    return hashes.length;
  }

  /** The values, most recent first. */
  public List<String> values() {
    String[] values = new String[size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = get(i);
    }
    return List.of(values);
  }

  /**
   * The value at {@code index}, 0 being the most recent.
   *
   * @throws IndexOutOfBoundsException unless 0 &le; index &lt; {@link #size()}
   */
  public String get(int index) {
    return new String(wire, starts[index], ends[index] - starts[index], StandardCharsets.UTF_8);
  }

  /**
   * Gives {@code sink} the set's wire form (see the class), which {@link #fromWire} reads back; an
   * empty set gives nothing.
   */
  public void writeWire(WireSink sink) {
    if (size() > 0) {
      sink.write(wire, 0, wireLength());
    }
  }

  /**
   * How many bytes of its source a set made by {@link #read} took, the values let go beyond its
   * capacity included; for any other set, the length of its wire form.
   */
  public int readLength() {
    return wire.length;
  }

  private int wireLength() {
    return size() == 0 ? 0 : ends[size() - 1];
  }

  private int entryStart(int index) {
    return index == 0 ? 0 : ends[index - 1];
  }

  /** Where the value is, by its {@code String} hash and text; -1 when it is not there. */
  private int indexOf(String value) {
    Probe last = probe;
    if (last != null && last.value() == value) {
      return last.index();
    }
    int found = -1;
    int hash = value.hashCode();
    for (int i = 0; i < hashes.length && found < 0; i++) {
      if (hashes[i] == hash && sameText(value, i)) {
        found = i;
      }
    }
    probe = new Probe(value, found);
    return found;
  }

  /** Whether value {@code index} is the text of {@code value}, comparing ASCII without copying. */
  private boolean sameText(String value, int index) {
    int start = starts[index];
    int length = ends[index] - start;
    if (value.length() == length) {
      for (int j = 0; j < length; j++) {
        char c = value.charAt(j);
        if (c >= FIRST_NON_ASCII) {
          return sameBytes(value, index);
        }
        if (wire[start + j] != c) {
          return false;
        }
      }
      return true;
    }
    // UTF-8 takes at least one byte per char.
    return value.length() < length && sameBytes(value, index);
  }

  private boolean sameBytes(String value, int index) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    return Arrays.equals(utf8, 0, utf8.length, wire, starts[index], ends[index]);
  }

  /**
   * The {@code String.hashCode()} of these UTF-8 bytes' text: for ASCII it is computed on the bytes
   * as {@code String} does, four bytes a step (the same sum, with its chain of multiplications four
   * times shorter), so only other text is decoded.
   */
  private static int hashOf(byte[] utf8, int from, int to) {
    int hash = 0;
    int bits = 0; // any byte's sign bit: not ASCII
    int i = from;
    for (; i + 3 < to; i += 4) {
      int b0 = utf8[i];
      int b1 = utf8[i + 1];
      int b2 = utf8[i + 2];
      int b3 = utf8[i + 3];
      bits |= b0 | b1 | b2 | b3;
      hash = 31 * 31 * 31 * 31 * hash + 31 * 31 * 31 * b0 + 31 * 31 * b1 + 31 * b2 + b3;
    }
    for (; i < to; i++) {
      bits |= utf8[i];
      hash = 31 * hash + utf8[i];
    }
    return bits >= 0 ? hash : new String(utf8, from, to - from, StandardCharsets.UTF_8).hashCode();
  }

  private static int putEntry(byte[] wire, int at, byte[] utf8) {
    long rest = utf8.length + 1L;
    while ((rest & ~VARINT_PAYLOAD_MASK) != 0) {
      wire[at++] = (byte) ((rest & VARINT_PAYLOAD_MASK) | VARINT_MORE);
      rest >>>= VARINT_PAYLOAD_BITS;
    }
    wire[at++] = (byte) rest;
    System.arraycopy(utf8, 0, wire, at, utf8.length);
    return at + utf8.length;
  }

  private static int varintLength(int value) {
    int length = 1;
    for (int rest = value >>> VARINT_PAYLOAD_BITS; rest != 0; rest >>>= VARINT_PAYLOAD_BITS) {
      length++;
    }
    return length;
  }

  private static void requirePositive(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0 but was " + capacity);
    }
  }

  private static IllegalArgumentException nullOrDuplicate(int index) {
    return new IllegalArgumentException("null or duplicate value at " + index);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecentSet that
        && capacity == that.capacity
        && Arrays.equals(wire, 0, wireLength(), that.wire, 0, that.wireLength());
  }

  @Override
  public int hashCode() {
    return 31 * capacity + Arrays.hashCode(hashes);
  }

  @Override
  public String toString() {
    return values().toString();
  }
}
