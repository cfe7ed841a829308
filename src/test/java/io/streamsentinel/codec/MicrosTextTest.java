package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MicrosTextTest {

  private final byte[] buffer = new byte[MicrosText.MAX_LENGTH + 3];

  @Test
  void shouldPrintWhatDoubleToStringPrintsForEveryMillionthAroundOne() {
    for (long micros = -3_000_000; micros <= 3_000_000; micros++) {
      assertSameAsDouble(micros);
    }
  }

  @Test
  void shouldPrintWhatDoubleToStringPrintsAcrossMagnitudes() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 2_000_000; i++) {
      double v = Math.exp(random.nextDouble(-12, 18)) * (random.nextBoolean() ? 1 : -1);
      assertSameAsDouble(Math.round(v * 1e6));
    }
  }

  @Test
  void shouldPrintTheEdgesOfThePlainRange() {
    assertThat(text(1_000)).isEqualTo("0.001");
    assertThat(text(-1_000)).isEqualTo("-0.001");
    assertThat(text(2_000)).isEqualTo("0.002");
    assertThat(text(5_000_000)).isEqualTo("5.0");
    assertThat(text(1_050_000)).isEqualTo("1.05");
    assertThat(text(9_999_999_999_999L)).isEqualTo("9999999.999999");
    assertThat(text(10_000_000_000_000L)).isNull();
    assertThat(text(999)).isNull();
    assertThat(text(0)).isNull();
    assertThat(text(Long.MIN_VALUE)).isNull();
  }

  private void assertSameAsDouble(long micros) {
    String expected = Double.toString(micros / 1e6);
    String actual = text(micros);
    if (actual != null) {
      assertThat(actual).as("%d millionths", micros).isEqualTo(expected);
    } else {
      assertThat(expected).as("%d millionths left to the caller", micros).containsAnyOf("E", "0.0");
    }
  }

  private String text(long micros) {
    int end = MicrosText.format(micros, buffer, 3); // from an offset, as decisions use it
    return end < 0 ? null : new String(buffer, 3, end - 3, StandardCharsets.US_ASCII);
  }
}
