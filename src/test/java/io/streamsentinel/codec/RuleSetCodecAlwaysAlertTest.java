package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.detection.Rule;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.domain.ReasonCodes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code always_alert} flag of a rule: a hard rule that a model in force cannot outweigh. */
class RuleSetCodecAlwaysAlertTest {

  private static final String TWO_RULES =
      """
      {"version": "v3", "rules": [
        {"id": "burst", "weight": 0.6, "reason_code": "VELOCITY_1M", "ALWAYS",
         "detail": "{tx_count_1m} transactions in 60 s",
         "conditions": [{"feature": "tx_count_1m", "op": ">=", "threshold": 5}]},
        {"id": "far", "weight": 0.4, "reason_code": "FAR_AWAY",
         "detail": "{distance_km} km away",
         "conditions": [{"feature": "distance_km", "op": ">", "threshold": 500}]}
      ]}
      """;

  private static RuleSet parse(String flag) {
    String json = TWO_RULES.replace("\"ALWAYS\"", flag);
    return RuleSetCodec.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadAlwaysAlertTrueAndDefaultOthersToFalse() {
    RuleSet rules = parse("\"always_alert\": true");

    assertThat(rules.rules()).extracting(Rule::alwaysAlert).containsExactly(true, false);
    assertThat(rules.hardReasonCodes())
        .containsExactlyInAnyOrder("VELOCITY_1M", ReasonCodes.ACCOUNT_BLOCKED);
  }

  @Test
  void shouldReadAlwaysAlertFalseAsASoftRule() {
    RuleSet rules = parse("\"always_alert\": false");

    assertThat(rules.rules()).extracting(Rule::alwaysAlert).containsExactly(false, false);
    assertThat(rules.hardReasonCodes()).containsExactly(ReasonCodes.ACCOUNT_BLOCKED);
  }

  @Test
  void shouldRefuseANonBooleanNamingRuleAndField() {
    for (String value : new String[] {"\"yes\"", "1", "null"}) {
      assertThatThrownBy(() -> parse("\"always_alert\": " + value))
          .as("always_alert: %s", value)
          .isInstanceOfSatisfying(
              InvalidRuleFileException.class,
              e -> {
                assertThat(e.rule()).isEqualTo("burst");
                assertThat(e.field()).isEqualTo("always_alert");
                assertThat(e.getMessage())
                    .isEqualTo(
                        "rules file test.json: rule 'burst': always_alert: must be true or false");
              });
    }
  }

  @Test
  void shouldWriteTheFlagBackOnlyOnHardRules() throws Exception {
    RuleSet rules = parse("\"always_alert\": true");

    byte[] encoded = RuleSetCodec.encode(rules);

    JsonNode written = new ObjectMapper().readTree(encoded).get("rules");
    assertThat(written.get(0).get("always_alert").isBoolean()).isTrue();
    assertThat(written.get(0).get("always_alert").booleanValue()).isTrue();
    assertThat(written.get(1).has("always_alert")).isFalse();
    assertThat(RuleSetCodec.parse("copy", encoded)).isEqualTo(rules);
  }
}
