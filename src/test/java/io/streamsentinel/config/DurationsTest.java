package io.streamsentinel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms,PT0.5S",
    "30s,PT30S",
    "5m,PT5M",
    "2h,PT2H",
    "7d,PT168H",
    "PT1M30S,PT1M30S",
    " 10S ,PT10S"
  })
  void shouldReadTheFormsPeopleType(String text, String expected) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "abc", "5 minutes", "-5s", "1w"})
  void shouldNameTheTextAndTheAcceptedFormsOnError(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @ParameterizedTest
  @CsvSource({"PT168H,7d", "PT2H,2h", "PT5M,5m", "PT30S,30s", "PT0.25S,250ms"})
  void shouldFormatShortly(String duration, String expected) {
    assertThat(Durations.format(Duration.parse(duration))).isEqualTo(expected);
  }
}
