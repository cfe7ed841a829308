package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.detection.RuleSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetCodecTest {

  private static final String ONE_RULE =
      """
      {"version": "v2", "rules": [
        {"id": "burst", "description": "many", "weight": 0.6, "reason_code": "VELOCITY_1M",
         "detail": "{tx_count_1m} transactions in 60 s",
         "conditions": [{"feature": "tx_count_1m", "op": ">=", "threshold": 5}]}
      ]}
      """;

  @TempDir Path dir;

  private static RuleSet parse(String json) {
    return RuleSetCodec.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static InvalidRuleFileException rejection(String json) {
    try {
      parse(json);
    } catch (InvalidRuleFileException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void shouldLoadTheShippedDefaultRules() {
    RuleSet rules = RuleSetCodec.loadDefault();

    assertThat(rules.version()).isEqualTo("default-5");
    assertThat(rules.rules()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(rules.stepUpWeight()).isEqualTo(0.3);
  }

  @Test
  void shouldLoadAFileAndDefaultTheStepUpWeight() throws Exception {
    Path file = dir.resolve("rules.json");
    Files.writeString(file, ONE_RULE);

    RuleSet rules = RuleSetCodec.load(file);

    assertThat(rules.version()).isEqualTo("v2");
    assertThat(rules.stepUpWeight()).isEqualTo(RuleSet.DEFAULT_STEP_UP_WEIGHT);
    assertThat(rules.rules().get(0).conditions().get(0)).hasToString("tx_count_1m >= 5");
  }

  @Test
  void shouldReadBackWhatItWrites() {
    RuleSet rules = RuleSetCodec.loadDefault();

    assertThat(RuleSetCodec.parse("copy", RuleSetCodec.encode(rules))).isEqualTo(rules);
  }

  @Test
  void shouldNameTheFileWhenItCannotBeRead() {
    Path missing = dir.resolve("missing.json");

    assertThatThrownBy(() -> RuleSetCodec.load(missing))
        .isInstanceOf(InvalidRuleFileException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("cannot be read");
  }

  @Test
  void shouldReportBrokenJsonWithItsPosition() {
    InvalidRuleFileException e = rejection("{\"version\": \"v\",\n \"rules\": [}");

    assertThat(e.source()).isEqualTo("test.json");
    assertThat(e.getMessage())
        .startsWith("rules file test.json: not valid JSON")
        .contains("line 2");
  }

  @Test
  void shouldNameRuleAndFieldOfAnUnknownFeature() {
    InvalidRuleFileException e =
        rejection(ONE_RULE.replace("\"tx_count_1m\", \"op\"", "\"tx_count_2m\", \"op\""));

    assertThat(e.rule()).isEqualTo("burst");
    assertThat(e.field()).isEqualTo("conditions[0].feature");
    assertThat(e.getMessage())
        .isEqualTo(
            "rules file test.json: rule 'burst': conditions[0].feature: unknown feature 'tx_count_2m'");
  }

  @Test
  void shouldNameRuleAndFieldOfABadOperatorWeightOrTemplate() {
    assertThat(rejection(ONE_RULE.replace("\">=\"", "\"=>\"")).field())
        .isEqualTo("conditions[0].op");
    assertThat(rejection(ONE_RULE.replace("0.6", "1.5")).field()).isEqualTo("weight");
    assertThat(rejection(ONE_RULE.replace("0.6", "\"high\"")).problem())
        .isEqualTo("must be a number");
    assertThat(
            rejection(ONE_RULE.replace("{tx_count_1m} transactions", "{count} transactions"))
                .field())
        .isEqualTo("detail");
    assertThat(rejection(ONE_RULE.replace("\"threshold\": 5", "\"threshold\": \"5\"")).field())
        .isEqualTo("conditions[0].threshold");
  }

  @Test
  void shouldRefuseTextThatEveryDecisionItFiresOnWouldCarryToADatabaseThatCannotHoldIt() {
    // Before, a NUL in a detail was accepted, and the sink dead-lettered every alert carrying it.
    InvalidRuleFileException nul =
        rejection(ONE_RULE.replace("{tx_count_1m} transactions", "{tx_count_1m}\\u0000 tx"));
    assertThat(nul.rule()).isEqualTo("burst");
    assertThat(nul.field()).isEqualTo("detail");
    assertThat(nul.problem()).startsWith("contains control character U+0000 at index");
    assertThat(rejection(ONE_RULE.replace("\"burst\"", "\"burst\\ud800\"")).problem())
        .isEqualTo("contains an unpaired surrogate at index 5");
  }

  @Test
  void shouldRejectUnknownFieldsSoTyposAreNotSilentlyIgnored() {
    InvalidRuleFileException e = rejection(ONE_RULE.replace("\"weight\"", "\"wieght\""));

    assertThat(e.rule()).isEqualTo("burst");
    assertThat(e.field()).isEqualTo("wieght");
    assertThat(e.problem()).contains("unknown field");
  }

  @Test
  void shouldNameARuleWithoutIdByItsPosition() {
    InvalidRuleFileException e = rejection(ONE_RULE.replace("\"id\": \"burst\", ", ""));

    assertThat(e.rule()).isEqualTo("#1");
    assertThat(e.field()).isEqualTo("id");
    assertThat(e.problem()).isEqualTo("missing");
  }

  @Test
  void shouldRejectAMissingVersionAndDuplicateIds() {
    assertThat(rejection(ONE_RULE.replace("\"version\": \"v2\", ", "")).field())
        .isEqualTo("version");
    String rule = ONE_RULE.substring(ONE_RULE.indexOf("{\"id\""), ONE_RULE.lastIndexOf(']'));
    InvalidRuleFileException duplicate =
        rejection("{\"version\": \"v\", \"rules\": [" + rule + "," + rule + "]}");
    assertThat(duplicate.field()).isEqualTo("rules[1].id");
    assertThat(duplicate.problem()).contains("duplicate rule id 'burst'");
  }

  @Test
  void shouldRejectARuleThatIsNotAnObjectAndARuleSetWithoutRules() {
    assertThat(rejection("{\"version\": \"v\", \"rules\": [42]}").field()).isEqualTo("(rule)");
    assertThat(rejection("{\"version\": \"v\"}").field()).isEqualTo("rules");
    assertThat(rejection("[]").field()).isEqualTo("(top level)");
    assertThat(rejection("").problem()).isEqualTo("empty");
  }
}
