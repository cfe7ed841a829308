package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamsentinel.codec.InvalidRuleFileException;
import io.streamsentinel.codec.RuleSetCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graded conditions: a ramp from the threshold to {@code full}, weighed in by the scorer. */
class GradedConditionTest {

  private static final Condition ZSCORE =
      new Condition(Feature.AMOUNT_ZSCORE, Comparison.GREATER_OR_EQUAL, 2, 8);
  private static final Condition RARE_HOUR =
      new Condition(Feature.HOUR_PROBABILITY, Comparison.LESS, 0.03, 0.003);

  private static double grade(Condition c, double value) {
    return Condition.grade(c.op(), c.threshold(), c.full(), value);
  }

  @Test
  void shouldRiseLinearlyFromTheThresholdToFull() {
    assertThat(grade(ZSCORE, 1.9)).isZero();
    assertThat(grade(ZSCORE, 2)).isZero();
    assertThat(grade(ZSCORE, 5)).isCloseTo(0.5, within(1e-12));
    assertThat(grade(ZSCORE, 8)).isEqualTo(1);
    assertThat(grade(ZSCORE, 80)).isEqualTo(1);
    assertThat(grade(ZSCORE, Double.NaN)).isZero();
  }

  @Test
  void shouldRiseDownwardsForALessThanCondition() {
    assertThat(grade(RARE_HOUR, 0.05)).isZero();
    assertThat(grade(RARE_HOUR, 0.0165)).isCloseTo(0.5, within(1e-12));
    assertThat(grade(RARE_HOUR, 0.001)).isEqualTo(1);
  }

  @Test
  void shouldKeepACrispConditionAllOrNothing() {
    Condition crisp = new Condition(Feature.TX_COUNT_1M, Comparison.GREATER_OR_EQUAL, 3);
    assertThat(crisp.graded()).isFalse();
    assertThat(grade(crisp, 3)).isEqualTo(1);
    assertThat(grade(crisp, 2)).isZero();
  }

  @Test
  void shouldScoreWeightTimesGradeAndSplitTheScoreAmongReasons() {
    Rule amount =
        new Rule(
            "amount", "", List.of(ZSCORE), 0.4, "AMOUNT", DetailTemplate.parse("{amount_zscore}"));
    Rule hour = new Rule("hour", "", List.of(RARE_HOUR), 0.2, "HOUR", DetailTemplate.parse("h"));
    Scorer scorer = new Scorer(new RuleSet("t", 0.3, List.of(amount, hour)));
    FeatureVector f = Features.of(Feature.AMOUNT_ZSCORE, 5.0, Feature.HOUR_PROBABILITY, 0.001);

    Decision d = scorer.score(Tx.at(Moments.TUESDAY_NOON).build(), f);

    double expected = 1 - (1 - 0.4 * 0.5) * (1 - 0.2);
    assertThat(d.score()).isCloseTo(expected, within(1e-12));
    assertThat(scorer.scoreOf(f)).isCloseTo(expected, within(1e-12));
    assertThat(d.reasons().stream().mapToDouble(Reason::contribution).sum())
        .isCloseTo(expected, within(1e-12));
    assertThat(amount.gradeOn(f)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void shouldRefuseAFullValueOnTheWrongSideNamingTheField() {
    String file =
        "{\"version\":\"x\",\"rules\":[{\"id\":\"big\",\"conditions\":[{\"feature\":\"amount_zscore\","
            + "\"op\":\">=\",\"threshold\":3,\"full\":1}],\"weight\":0.3,\"reason_code\":\"BIG\","
            + "\"detail\":\"d\"}]}";
    assertThatThrownBy(() -> RuleSetCodec.parse("f.json", file.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRuleFileException.class)
        .hasMessageContaining("big")
        .hasMessageContaining("full")
        .hasMessageContaining("above the threshold 3");
  }

  @Test
  void shouldRoundTripAGradedConditionThroughTheRuleFile() {
    RuleSet rules =
        new RuleSet(
            "g",
            0.3,
            List.of(
                new Rule(
                    "r", "", List.of(ZSCORE, RARE_HOUR), 0.5, "R", DetailTemplate.parse("d"))));
    RuleSet back = RuleSetCodec.parse("mem", RuleSetCodec.encode(rules));
    assertThat(back.rules().get(0).conditions()).containsExactly(ZSCORE, RARE_HOUR);
  }
}
