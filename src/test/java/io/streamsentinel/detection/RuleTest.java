package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleTest {

  private static final Condition BURST =
      new Condition(Feature.TX_COUNT_1M, Comparison.GREATER_OR_EQUAL, 5);

  static Rule rule(String id, double weight, Condition... conditions) {
    return new Rule(
        id,
        "a test rule",
        List.of(conditions),
        weight,
        id.toUpperCase(java.util.Locale.ROOT),
        DetailTemplate.parse("{tx_count_1m} transactions in 60 s"));
  }

  @ParameterizedTest
  @CsvSource({
    ">, 5, 5, false", ">, 6, 5, true",
    ">=, 5, 5, true", ">=, 4, 5, false",
    "<, 4, 5, true", "<, 5, 5, false",
    "<=, 5, 5, true", "<=, 6, 5, false",
    "==, 1, 1, true", "==, 0, 1, false"
  })
  void shouldCompareAsItsOperatorSays(String op, double value, double threshold, boolean holds) {
    assertThat(Comparison.fromSymbol(op).test(value, threshold)).isEqualTo(holds);
  }

  @Test
  void shouldRejectAnUnknownOperator() {
    assertThatThrownBy(() -> Comparison.fromSymbol("=>"))
        .hasMessageContaining("unknown operator '=>'");
  }

  @Test
  void shouldFireOnlyWhenEveryConditionHolds() {
    Rule rule =
        rule(
            "burst_online",
            0.5,
            BURST,
            new Condition(Feature.CARD_NOT_PRESENT, Comparison.EQUAL, 1));

    assertThat(rule.firesOn(Features.of(Feature.TX_COUNT_1M, 5, Feature.CARD_NOT_PRESENT, 1)))
        .isTrue();
    assertThat(rule.firesOn(Features.of(Feature.TX_COUNT_1M, 5))).isFalse();
    assertThat(rule.firesOn(Features.of(Feature.CARD_NOT_PRESENT, 1))).isFalse();
  }

  @Test
  void shouldRejectWeightsOutsideZeroToOne() {
    assertThatThrownBy(() -> rule("r", 0, BURST))
        .isInstanceOfSatisfying(
            InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("weight"));
    assertThatThrownBy(() -> rule("r", 1.01, BURST)).isInstanceOf(InvalidRuleException.class);
    assertThat(rule("r", 1.0, BURST).weight()).isEqualTo(1.0);
  }

  @Test
  void shouldRejectARuleWithoutConditions() {
    assertThatThrownBy(() -> rule("r", 0.5))
        .isInstanceOfSatisfying(
            InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("conditions"));
  }

  @Test
  void shouldRejectReasonCodesThatAreNotUpperSnakeCaseOrAreReserved() {
    DetailTemplate detail = DetailTemplate.parse("x");
    List<Condition> conditions = List.of(BURST);

    assertThatThrownBy(() -> new Rule("r", "", conditions, 0.5, "Velocity", detail))
        .hasMessageContaining("reason_code");
    assertThatThrownBy(() -> new Rule("r", "", conditions, 0.5, "ACCOUNT_BLOCKED", detail))
        .hasMessageContaining("reserved");
  }

  @Test
  void shouldRejectANonFiniteThreshold() {
    assertThatThrownBy(() -> new Condition(Feature.AMOUNT, Comparison.LESS, Double.NaN))
        .isInstanceOfSatisfying(
            InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("threshold"));
  }

  @Test
  void shouldRejectDuplicateRuleIdsInASet() {
    List<Rule> twice = List.of(rule("same", 0.5, BURST), rule("same", 0.4, BURST));

    assertThatThrownBy(() -> new RuleSet("v1", 0.3, twice))
        .isInstanceOfSatisfying(
            InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("rules[1].id"));
  }

  @Test
  void shouldPrintAConditionAsWrittenInRuleFiles() {
    assertThat(BURST).hasToString("tx_count_1m >= 5");
  }
}
