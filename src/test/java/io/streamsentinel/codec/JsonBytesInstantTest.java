package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An event time written straight into a decision's bytes: the JDK's text, quoted, anywhere. */
class JsonBytesInstantTest {

  @Test
  void shouldWriteTheJdksTextInQuotesAtAnyOffsetOfABufferThatMustGrow() {
    Instant[] instants = {
      Instant.parse("2026-11-25T12:00:00Z"),
      Instant.parse("9999-12-31T23:59:59.999999999Z"), // the longest four-digit-year text
      Instant.parse("0000-01-01T00:00:00.001Z"),
      Instant.parse("+10000-01-01T00:00:00Z"), // the JDK's own text, by the fallback
      Instant.MIN,
      Instant.MAX
    };
    for (Instant instant : instants) {
      for (int offset = 0; offset < 40; offset++) {
        JsonBytes out = new JsonBytes(8); // smaller than any instant's text
        for (int i = 0; i < offset; i++) {
          out.raw((byte) 'x');
        }

        out.instant(instant);

        String written = new String(out.toByteArray(), StandardCharsets.US_ASCII);
        assertThat(written).isEqualTo("x".repeat(offset) + '"' + instant + '"');
      }
    }
  }
}
