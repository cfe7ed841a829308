package io.streamsentinel.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the few encodings a compact state format needs: LEB128 varints (small
 * numbers in one byte), zig-zag for signed ones, raw IEEE doubles and length-prefixed UTF-8. In the
 * spirit of {@link java.io.DataOutput}, without its stream and synchronisation overhead.
 */
final class BinaryWriter {

  private static final int VARINT_PAYLOAD_BITS = 7;
  private static final int VARINT_PAYLOAD_MASK = 0x7F;
  private static final int VARINT_MORE = 0x80;

  private byte[] buffer;
  private int size;

  BinaryWriter(int initialCapacity) {
    buffer = new byte[initialCapacity];
  }

  void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  /** An unsigned (non-negative) number in 1-10 bytes. */
  void writeVarLong(long value) {
    ensure(10);
    long rest = value;
    while ((rest & ~VARINT_PAYLOAD_MASK) != 0) {
      buffer[size++] = (byte) ((rest & VARINT_PAYLOAD_MASK) | VARINT_MORE);
      rest >>>= VARINT_PAYLOAD_BITS;
    }
    buffer[size++] = (byte) rest;
  }

  /** A signed number, small magnitudes in few bytes. */
  void writeZigZag(long value) {
    writeVarLong((value << 1) ^ (value >> 63));
  }

  void writeDouble(double value) {
    writeLong(Double.doubleToRawLongBits(value));
  }

  /** Eight bytes, big-endian: for values that use all their bits (hashes). */
  void writeLong(long bits) {
    ensure(Long.BYTES);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (bits >>> shift);
    }
  }

  /**
   * A string that may be null: its UTF-8 length plus one (0 for null), then the bytes. {@code
   * getBytes} is the fast way for the mostly ASCII ids, merchants and countries of a profile: for
   * such a string the JDK checks and copies its bytes with vectorised intrinsics, where a loop over
   * its chars (as this writer did) took 8 % of a cold detector's stream thread.
   */
  void writeNullableString(String value) {
    if (value == null) {
      writeVarLong(0);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeVarLong(utf8.length + 1L);
    writeBytes(utf8, 0, utf8.length);
  }

  /** Bytes as they are, already in this writer's encodings. */
  void writeBytes(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, buffer, size, length);
    size += length;
  }

  /** Empties the writer and keeps its buffer for the next record. */
  void clear() {
    size = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
