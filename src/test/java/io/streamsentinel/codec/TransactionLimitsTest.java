package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionLimitsTest {

  @Test
  void shouldDefaultToAMillionAnd64KiB() {
    assertThat(TransactionLimits.DEFAULTS.maxAmount()).isEqualTo(new BigDecimal("1000000.00"));
    assertThat(TransactionLimits.DEFAULTS.maxRecordBytes()).isEqualTo(65_536);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.00", "-1"})
  void shouldRejectAMaxAmountThatIsNotPositive(String amount) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TransactionLimits.DEFAULTS.withMaxAmount(new BigDecimal(amount)))
        .withMessageContaining("maxAmount");
  }

  @Test
  void shouldRejectAMissingMaxAmount() {
    assertThatNullPointerException()
        .isThrownBy(() -> new TransactionLimits(null, 1024))
        .withMessageContaining("maxAmount");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void shouldRejectAMaxRecordSizeThatIsNotPositive(int bytes) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TransactionLimits.DEFAULTS.withMaxRecordBytes(bytes))
        .withMessageContaining("maxRecordBytes");
  }
}
