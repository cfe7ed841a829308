package io.streamsentinel.codec;

import io.streamsentinel.detection.RecentSet;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link BinaryWriter} wrote; every overrun or malformed number is a {@link
 * ProfileFormatException}.
 */
final class BinaryReader {

  private static final int MAX_VARLONG_SHIFT = 63;

  private final byte[] bytes;
  private int position;

  BinaryReader(byte[] bytes) {
    this.bytes = bytes;
  }

  int readByte() {
    require(1);
    return bytes[position++] & 0xFF;
  }

  long readVarLong() {
    if (position < bytes.length && bytes[position] >= 0) {
      return bytes[position++]; // one byte: most counts, lengths and deltas
    }
    long value = 0;
    for (int shift = 0; shift <= MAX_VARLONG_SHIFT; shift += 7) {
      int b = readByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new ProfileFormatException("varint longer than 10 bytes at offset " + position);
  }

  /** A varint that must fit a non-negative int no larger than {@code max}. */
  int readCount(int max, String what) {
    long value = readVarLong();
    if (value < 0 || value > max) {
      throw new ProfileFormatException(what + " " + value + " out of range [0, " + max + "]");
    }
    return (int) value;
  }

  long readZigZag() {
    long raw = readVarLong();
    return (raw >>> 1) ^ -(raw & 1);
  }

  double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  long readLong() {
    require(Long.BYTES);
    long bits = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      bits = (bits << 8) | (bytes[position++] & 0xFF);
    }
    return bits;
  }

  String readNullableString() {
    long lengthPlusOne = readVarLong();
    if (lengthPlusOne == 0) {
      return null;
    }
    if (lengthPlusOne < 0 || lengthPlusOne - 1 > bytes.length - position) {
      throw new ProfileFormatException(
          "string length " + (lengthPlusOne - 1) + " overruns the data");
    }
    int length = (int) (lengthPlusOne - 1);
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  /**
   * A {@link RecentSet} of {@code count} nullable strings as {@link #readNullableString} reads
   * them, taken in its stored form with one copy.
   *
   * @throws IllegalArgumentException when they are not such strings or one is null or repeated
   */
  RecentSet readRecentSet(int capacity, int count) {
    RecentSet set = RecentSet.read(capacity, count, bytes, position);
    position += set.readLength();
    return set;
  }

  /** Rejects trailing garbage: a record that decodes with bytes left over is not what we wrote. */
  void requireEnd() {
    if (position != bytes.length) {
      throw new ProfileFormatException((bytes.length - position) + " unexpected trailing bytes");
    }
  }

  private void require(int count) {
    if (bytes.length - position < count) {
      throw new ProfileFormatException("truncated at offset " + position);
    }
  }
}
