package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.domain.Severity;
import org.junit.jupiter.api.Test;

class SeverityScaleTest {

  @Test
  void theStandardScaleShouldGradeLikeTheSeverityTiers() {
    for (double score = 0; score <= 1.0; score += 0.01) {
      assertThat(SeverityScale.STANDARD.of(score))
          .as("score %s", score)
          .isEqualTo(Severity.of(score));
    }
  }

  @Test
  void aModelsOwnScaleShouldGradeByItsThresholdsInclusive() {
    SeverityScale scale = new SeverityScale(0.8, 0.6, 0.4, 0.2);
    assertThat(scale.of(0.8)).isEqualTo(Severity.CRITICAL);
    assertThat(scale.of(0.79)).isEqualTo(Severity.HIGH);
    assertThat(scale.of(0.6)).isEqualTo(Severity.HIGH);
    assertThat(scale.of(0.4)).isEqualTo(Severity.MEDIUM);
    assertThat(scale.of(0.2)).isEqualTo(Severity.LOW);
    assertThat(scale.of(0.19)).isEqualTo(Severity.MINIMAL);
  }

  @Test
  void thresholdsOutOfOrderOrRangeShouldBeRefusedNamingThem() {
    assertThatThrownBy(() -> new SeverityScale(0.5, 0.7, 0.4, 0.2))
        .hasMessageContaining("critical 0.5")
        .hasMessageContaining("high 0.7");
    assertThatThrownBy(() -> new SeverityScale(1.2, 0.7, 0.5, 0.3)).hasMessageContaining("1.2");
    assertThatThrownBy(() -> new SeverityScale(0.9, 0.7, 0.5, 0)).hasMessageContaining("low 0.0");
  }
}
