package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertIdTest {

  @Test
  void shouldMintTheAlertIdsItAlwaysHas() {
    // Pinned: an alert id is stored with its alert and its actions; a change would orphan them.
    // Computed independently: MD5 of the name, version 3 and the IETF variant set (RFC 4122).
    assertThat(DecisionCodec.alertId("tx_42"))
        .isEqualTo("alert-49ebf2c8-2aba-3597-b2cf-aea04dec7385");
    assertThat(DecisionCodec.alertId("tx_ü_€"))
        .isEqualTo("alert-119c099f-5026-3aa3-99eb-b63689b034f6");
  }
}
