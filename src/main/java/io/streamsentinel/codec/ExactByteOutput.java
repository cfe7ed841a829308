package io.streamsentinel.codec;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Collects what a Jackson generator writes into one array of exactly that length. The generator
 * fills its own recycled buffer (8,000 bytes) and writes it out on flush, so a record that fits
 * there arrives in one write and costs one allocation, where {@code ByteArrayOutputStream} or
 * Jackson's {@code ByteArrayBuilder} allocate a block and then copy it to an exact array. Larger
 * records arrive in a few writes and are concatenated. Not thread-safe; one per record.
 */
final class ExactByteOutput extends OutputStream {

  private static final byte[] NONE = new byte[0];

  private byte[] bytes = NONE;

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, source.length);
    byte[] grown = Arrays.copyOf(bytes, bytes.length + length);
    System.arraycopy(source, offset, grown, bytes.length, length);
    bytes = grown;
  }

  /** Everything written so far; the caller owns the array (it is not copied). */
  byte[] toByteArray() {
    return bytes;
  }
}
