package io.streamsentinel.detection;

import static io.streamsentinel.detection.Moments.MONDAY_LAST_MILLI;
import static io.streamsentinel.detection.Moments.TUESDAY_3AM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelInputsTest {

  private static final ModelInputs THREE =
      ModelInputs.of(List.of("daily_spend_ratio", ModelInputs.HOUR_OF_DAY, "amount"));

  private static double hourOf(Instant time) {
    double[] row = new double[1];
    ModelInputs.of(List.of(ModelInputs.HOUR_OF_DAY)).fill(Features.of(), time, row);
    return row[0];
  }

  @Test
  void shouldFillARowInSchemaOrder() {
    FeatureVector features = Features.of(Feature.AMOUNT, 250, Feature.DAILY_SPEND_RATIO, 4.5);
    double[] row = new double[3];

    THREE.fill(features, TUESDAY_3AM, row);

    assertThat(row).containsExactly(4.5, 3.0, 250.0);
  }

  @Test
  void shouldFillTheSameRowFromPlainFeatureValues() {
    FeatureVector features = Features.of(Feature.AMOUNT, 250, Feature.DAILY_SPEND_RATIO, 4.5);
    double[] row = new double[3];

    THREE.fill(features.toArray(), TUESDAY_3AM, row);

    assertThat(row).containsExactly(4.5, 3.0, 250.0);
  }

  @Test
  void shouldNameItsInputsAndTheirFeatures() {
    assertThat(THREE.names()).containsExactly("daily_spend_ratio", "hour_of_day", "amount");
    assertThat(THREE.size()).isEqualTo(3);
    assertThat(THREE.feature(0)).isEqualTo(Feature.DAILY_SPEND_RATIO);
    assertThat(THREE.feature(1)).isNull();
    assertThat(THREE.feature(2)).isEqualTo(Feature.AMOUNT);
    assertThat(ModelInputs.of(List.of("daily_spend_ratio", "hour_of_day", "amount")))
        .isEqualTo(THREE)
        .hasSameHashCodeAs(THREE);
    assertThat(ModelInputs.of(List.of("amount", "hour_of_day", "daily_spend_ratio")))
        .isNotEqualTo(THREE);
  }

  @ParameterizedTest(name = "{0} is hour {1}")
  @CsvSource({
    "2026-03-02T00:00:00Z, 0",
    "2026-03-02T14:30:00Z, 14",
    "2026-03-02T23:59:59.999Z, 23",
    "1970-01-01T00:59:59Z, 0",
    "1969-12-31T22:15:00Z, 22",
    "1969-12-31T23:59:59.500Z, 23",
    "1969-12-31T00:00:00Z, 0",
    "1900-06-15T05:45:00Z, 5"
  })
  void shouldTakeTheUtcHourOfTheEventTime(String time, int hour) {
    assertThat(hourOf(Instant.parse(time))).isEqualTo(hour);
  }

  @Test
  void shouldGiveTheLastHourForTheLastMilliOfADay() {
    assertThat(hourOf(MONDAY_LAST_MILLI)).isEqualTo(23.0);
  }

  @Test
  void shouldRefuseAnUnknownInputNamingIt() {
    assertThatThrownBy(() -> ModelInputs.of(List.of("amount", "shoe_size")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'shoe_size'")
        .hasMessageContaining("not a feature this detector computes");
  }

  @Test
  void shouldRefuseAnInputListedTwice() {
    assertThatThrownBy(() -> ModelInputs.of(List.of("amount", "hour_of_day", "amount")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input 'amount' is listed twice");
  }

  @Test
  void shouldRefuseMoreThan64Inputs() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i <= ModelInputs.MAX_SIZE; i++) {
      names.add("input_" + i);
    }

    assertThatThrownBy(() -> ModelInputs.of(names))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a model may have at most 64 inputs, not 65");
  }

  @Test
  void shouldRefuseAnEmptySchema() {
    assertThatThrownBy(() -> ModelInputs.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one input");
  }

  @Test
  void shouldLeaveTheAccountStatusOutOfTheStandardInputs() {
    ModelInputs standard = ModelInputs.standard();

    assertThat(standard.names())
        .doesNotContain("account_blocked", "step_up_required")
        .contains("amount", "daily_spend_ratio", "new_device", "history_count")
        .endsWith(ModelInputs.HOUR_OF_DAY)
        .doesNotHaveDuplicates()
        .hasSize(Feature.COUNT - 2 + 1);
    assertThat(standard.names().get(0)).isEqualTo(Feature.AMOUNT.wireName());
  }
}
