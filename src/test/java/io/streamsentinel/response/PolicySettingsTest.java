package io.streamsentinel.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.domain.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicySettingsTest {

  private static final PolicySettings DEFAULTS = PolicySettings.defaults();

  @Test
  void shouldDefaultToThreeAlertsInSevenDaysAndADayOfStepUp() {
    assertThat(DEFAULTS.repeatOffenderThreshold()).isEqualTo(3);
    assertThat(DEFAULTS.repeatOffenderWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(DEFAULTS.stepUpExpiry()).isEqualTo(Duration.ofHours(24));
    assertThat(DEFAULTS.responseTarget(Severity.MINIMAL)).isNull();
  }

  @Test
  void shouldRejectAThresholdTheHistoryCannotHold() {
    assertThatThrownBy(() -> withThreshold(AlertHistory.CAPACITY + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> withThreshold(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectANonPositiveDurationByName() {
    assertThatThrownBy(
            () ->
                new PolicySettings(
                    3,
                    Duration.ofDays(7),
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(5),
                    "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step-up expiry");
  }

  private static PolicySettings withThreshold(int threshold) {
    return new PolicySettings(
        threshold,
        DEFAULTS.repeatOffenderWindow(),
        DEFAULTS.stepUpExpiry(),
        DEFAULTS.criticalTarget(),
        DEFAULTS.highTarget(),
        DEFAULTS.mediumTarget(),
        DEFAULTS.lowTarget(),
        DEFAULTS.version());
  }
}
