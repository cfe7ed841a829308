package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StorableValuesTest {

  private static String problem(String json) {
    return StorableValues.textProblem(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldPassTextWithoutEscapesOrWithHarmlessOnes() {
    assertThat(problem("{\"merchant\":\"Grocer\"}")).isNull();
    assertThat(problem("{\"merchant\":\"Caf\\u00e9 \\\"Nord\\\"\"}")).isNull();
    assertThat(problem("{\"merchant\":\"\\ud83d\\ude00 smile\"}")).as("a pair").isNull();
    assertThat(problem("{\"merchant\":\"\u00e9\ud83d\ude00\"}")).as("raw UTF-8").isNull();
  }

  @Test
  void shouldReadAnEscapedBackslashFollowedByUAsText() {
    // The text is backslash, u, 0, 0, 0, 0: no NUL in it.
    assertThat(problem("{\"note\":\"C:\\\\u0000\"}")).isNull();
  }

  @Test
  void shouldRefuseAnEscapedNul() {
    assertThat(problem("{\"merchant\":\"Corner\\u0000Shop\"}"))
        .contains("NUL character")
        .contains("byte 19");
  }

  @Test
  void shouldRefuseUnpairedSurrogates() {
    assertThat(problem("{\"m\":\"a\\ud800b\"}")).contains("unpaired surrogate (\\ud800");
    assertThat(problem("{\"m\":\"a\\udc00\"}")).contains("unpaired surrogate (\\udc00");
    assertThat(problem("{\"m\":\"\\ud800\\u0041\"}")).contains("unpaired surrogate");
    assertThat(problem("{\"m\":\"\\ud800")).as("cut short").contains("unpaired surrogate");
  }

  @Test
  void shouldBoundInstantsToTheYears0000To9999() {
    assertThat(StorableValues.requireStorable("t", null)).isNull();
    Instant last = Instant.parse("9999-12-31T23:59:59.999Z");
    assertThat(StorableValues.requireStorable("t", last)).isEqualTo(last);
    assertThatThrownBy(
            () -> StorableValues.requireStorable("t", Instant.parse("+10000-01-01T00:00:00Z")))
        .hasMessage("t: +10000-01-01T00:00:00Z is outside the years 0000-9999");
    assertThatThrownBy(
            () -> StorableValues.requireStorable("t", Instant.ofEpochMilli(-Long.MAX_VALUE)))
        .hasMessageStartingWith("t: -292275055");
  }
}
