package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link InstantText} must be indistinguishable from {@link Instant#parse} and toString. */
class InstantTextTest {

  private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  @Test
  void shouldFormatAndParseLikeTheJdkAcrossFourDigitYearsAndEveryFractionLength() {
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      long seconds = YEAR_0 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0));
      int nanos =
          switch (i % 5) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);

      String text = InstantText.format(instant);

      assertThat(text).isEqualTo(instant.toString());
      assertThat(InstantText.parse(text)).isEqualTo(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-01-22T02:53:05Z",
        "2026-01-22T02:53:05.1Z",
        "2026-01-22T02:53:05.12Z",
        "2026-01-22T02:53:05.123456789Z",
        "2026-01-22T00:00:00.000Z",
        "2024-02-29T23:59:59.999999999Z",
        "2000-02-29T12:00:00Z",
        "1969-12-31T23:59:59.5Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "2026-01-22T24:00:00Z",
        "2026-06-30T23:59:60Z",
        "2026-01-22t02:53:05z",
        "2026-01-22T02:53:05+01:00",
        "2026-01-22T02:53:05.Z",
        "+12026-01-22T02:53:05Z",
        "-0001-01-01T00:00:00Z"
      })
  void shouldAcceptWhatTheJdkAcceptsWithTheSameValue(String text) {
    assertThat(InstantText.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-01-22",
        "2026-01-22T02:53Z",
        "2026-02-29T00:00:00Z",
        "2100-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-01-00T00:00:00Z",
        "2026-01-22T25:00:00Z",
        "2026-01-22T02:60:00Z",
        "2026-01-22T02:53:61Z",
        "2026-01-22T02:53:05.1234567890Z",
        "2026-01-22T02:53:05",
        "2026-01-22 02:53:05Z",
        "2026-01-22T02:53:05.12a4Z",
        "2026-0a-22T02:53:05Z",
        "2026-01-22T02:53:05Zjunk",
        "٢٠٢٦-01-22T02:53:05Z"
      })
  void shouldRejectWhatTheJdkRejectsWithTheSameMessage(String text) {
    String expected = jdkMessage(text);

    assertThatThrownBy(() -> InstantText.parse(text))
        .isInstanceOf(DateTimeParseException.class)
        .hasMessage(expected);
  }

  @Test
  void shouldFormatYearsBeyondFourDigitsLikeTheJdk() {
    for (Instant instant :
        new Instant[] {
          Instant.MIN,
          Instant.MAX,
          Instant.ofEpochSecond(YEAR_0 - 1),
          Instant.ofEpochSecond(YEAR_10000)
        }) {
      assertThat(InstantText.format(instant)).isEqualTo(instant.toString());
    }
  }

  private static String jdkMessage(String text) {
    try {
      Instant.parse(text);
    } catch (DateTimeParseException e) {
      return e.getMessage();
    }
    throw new AssertionError("the JDK accepts " + text);
  }
}
