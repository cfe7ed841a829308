package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

  private final GeneratorSettings defaults = GeneratorSettings.withSeed(7);

  @Test
  void shouldDefaultToTenThousandUsersOnePercentFraudAndAFixedStart() {
    assertThat(defaults.seed()).isEqualTo(7);
    assertThat(defaults.users()).isEqualTo(10_000);
    assertThat(defaults.fraudRate()).isEqualTo(0.01);
    assertThat(defaults.start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void shouldChangeOneSettingAtATime() {
    GeneratorSettings changed = defaults.withUsers(5).withFraudRate(0.5).withStart(Instant.EPOCH);
    assertThat(changed).isEqualTo(new GeneratorSettings(7, 5, 0.5, Instant.EPOCH));
  }

  @Test
  void shouldRejectFewerThanOneUserNamingTheSetting() {
    assertThatThrownBy(() -> defaults.withUsers(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("users ")
        .hasMessageContaining("0");
  }

  @Test
  void shouldRejectFraudRatesOutsideZeroToHalfNamingTheSetting() {
    for (double rate : new double[] {-0.01, 0.51, Double.NaN}) {
      assertThatThrownBy(() -> defaults.withFraudRate(rate))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("fraudRate ");
    }
    assertThat(defaults.withFraudRate(0).fraudRate()).isZero();
    assertThat(defaults.withFraudRate(0.5).fraudRate()).isEqualTo(0.5);
  }

  @Test
  void shouldRejectAMissingStartNamingTheSetting() {
    assertThatThrownBy(() -> defaults.withStart(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("start ");
  }
}
