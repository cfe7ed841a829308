package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Longs and doubles in a stored profile are eight bytes, most significant first: profiles already
 * in state stores and changelogs were written so, and must read back the same.
 */
class BinaryLongTest {

  @Test
  void shouldWriteTheMostSignificantByteFirst() {
    BinaryWriter out = new BinaryWriter(4);
    out.writeByte(0x7f); // an odd offset, and a buffer that must grow
    out.writeLong(0x0102030405060708L);
    out.writeDouble(-2.0); // 0xC000000000000000

    assertThat(out.toByteArray())
        .containsExactly(0x7f, 1, 2, 3, 4, 5, 6, 7, 8, 0xc0, 0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void shouldReadWhatItWroteAtAnyOffset() {
    Random random = new Random(5);
    BinaryWriter out = new BinaryWriter(16);
    long[] values = new long[1_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextLong();
      out.writeByte(i & 0x7f); // every long at a new alignment
      out.writeLong(values[i]);
    }
    BinaryReader in = new BinaryReader(out.toByteArray());

    for (long value : values) {
      in.readByte();
      assertThat(in.readLong()).isEqualTo(value);
    }
    in.requireEnd();
  }

  @Test
  void shouldRejectALongCutShort() {
    BinaryReader in = new BinaryReader(new byte[] {1, 2, 3, 4, 5, 6, 7});

    assertThatThrownBy(in::readLong)
        .isInstanceOf(ProfileFormatException.class)
        .hasMessageContaining("truncated");
  }
}
