package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FraudPatternTest {

  @Test
  void shouldUseSnakeCaseWireNames() {
    assertThat(FraudPattern.values())
        .extracting(FraudPattern::wireName)
        .containsExactly(
            "card_testing",
            "account_takeover",
            "impossible_travel",
            "high_amount_unusual_hour",
            "velocity_burst");
  }

  @Test
  void shouldParseEveryWireNameBack() {
    for (FraudPattern pattern : FraudPattern.values()) {
      assertThat(FraudPattern.fromWire(pattern.wireName())).isSameAs(pattern);
    }
  }

  @Test
  void shouldRejectUnknownWireNames() {
    assertThatThrownBy(() -> FraudPattern.fromWire("CARD_TESTING"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CARD_TESTING");
  }
}
