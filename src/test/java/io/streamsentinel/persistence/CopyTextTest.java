package io.streamsentinel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyTextTest {

  @Test
  void shouldSeparateColumnsWithTabsAndEndRowsWithNewlines() {
    CopyText text =
        new CopyText().column("a").column((String) null).endRow().column("b").column(1.5).endRow();

    assertThat(text.toString()).isEqualTo("a\t\\N\nb\t1.5\n");
  }

  @Test
  void shouldEscapeTheCharactersThatWouldBreakTheFormat() {
    CopyText text = new CopyText().column("back\\slash\ttab\nnew\rreturn").endRow();

    assertThat(text.toString()).isEqualTo("back\\\\slash\\ttab\\nnew\\rreturn\n");
  }

  @Test
  void shouldWriteNonAsciiTextAsUtf8() {
    String text = "Zürich 東京 😀";

    assertThat(new CopyText().column(text).toString()).isEqualTo(text);
  }

  @Test
  void shouldReplaceAnUnpairedSurrogateAsTheDriverDid() {
    assertThat(new CopyText().column("a\uD800b").toString()).isEqualTo("a?b");
  }

  @Test
  void shouldWriteTimestampsAsTheSameInstantInUtc() {
    Instant withNanos = Instant.parse("2025-08-26T14:30:05.123456789Z");
    Instant whole = Instant.parse("1999-12-31T23:59:59Z");

    assertThat(new CopyText().column(withNanos).toString())
        .isEqualTo("2025-08-26T14:30:05.123456789Z");
    assertThat(Instant.parse(new CopyText().column(whole).toString())).isEqualTo(whole);
  }

  @Test
  void shouldWriteAmountsBooleansAndNullsAsPostgresqlReadsThem() {
    CopyText text =
        new CopyText()
            .column(new BigDecimal("1E+3"))
            .column(Boolean.TRUE)
            .column((Boolean) null)
            .column((Instant) null);

    assertThat(text.toString()).isEqualTo("1000\tt\t\\N\t\\N");
  }

  @Test
  void shouldKeepTextLongerThanOneChunkWhole() {
    String longValue = "é".repeat(100_000); // two bytes each, so chunks split inside characters

    CopyText text = new CopyText().column(longValue).endRow();

    assertThat(text.size()).isEqualTo(200_001);
    assertThat(text.toString()).isEqualTo(longValue + "\n");
  }
}
