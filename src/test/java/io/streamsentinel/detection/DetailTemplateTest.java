package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetailTemplateTest {

  @Test
  void shouldNameFeatureValues() {
    DetailTemplate template = DetailTemplate.parse("{tx_count_1m} transactions in 60 s");

    assertThat(template.render(Features.of(Feature.TX_COUNT_1M, 7)))
        .isEqualTo("7 transactions in 60 s");
  }

  @Test
  void shouldRenderSeveralPlaceholdersAndPlainText() {
    DetailTemplate template =
        DetailTemplate.parse("{distance_km} km at {travel_speed_kmh} km/h, really");

    assertThat(
            template.render(
                Features.of(Feature.DISTANCE_KM, 6345.678, Feature.TRAVEL_SPEED_KMH, 12000)))
        .isEqualTo("6345.68 km at 12000 km/h, really");
    assertThat(DetailTemplate.parse("no values").render(Features.of())).isEqualTo("no values");
  }

  @ParameterizedTest
  @CsvSource({
    "7, 7",
    "2.5, 2.5",
    "1234.567, 1234.57",
    "-3.25, -3.25",
    "0.00309, 0.00309",
    "0.5, 0.5",
    "0.99999, 1",
    "0, 0",
    "1e-12, 0",
    "123456789012345, 123456789012345"
  })
  void shouldPrintNumbersReadably(double value, String printed) {
    assertThat(DetailTemplate.formatNumber(value)).isEqualTo(printed);
  }

  @Test
  void shouldRejectUnknownPlaceholdersAndUnbalancedBraces() {
    assertThatThrownBy(() -> DetailTemplate.parse("{tx_count_2m} in 2 min"))
        .isInstanceOfSatisfying(
            InvalidRuleException.class,
            e -> {
              assertThat(e.field()).isEqualTo("detail");
              assertThat(e.problem()).contains("{tx_count_2m}");
            });
    assertThatThrownBy(() -> DetailTemplate.parse("{amount")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> DetailTemplate.parse("amount}")).hasMessageContaining("'}'");
  }
}
