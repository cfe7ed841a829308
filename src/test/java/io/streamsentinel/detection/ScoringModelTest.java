package io.streamsentinel.detection;

import static io.streamsentinel.detection.Moments.MONDAY_NOON;
import static io.streamsentinel.detection.Moments.TUESDAY_3AM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.streamsentinel.domain.ReasonCodes;
import io.streamsentinel.domain.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How a model's probability and the rules' decision merge. The model is one stump per input with
 * leaves ±d around a mean of 0, so each input's contribution to the margin is exactly +d or -d:
 *
 * <pre>
 * input              suspicious when   d
 * daily_spend_ratio  &gt;= 3              0.5
 * tx_count_10m       &gt;= 3              0.9
 * new_device         &gt;= 0.5            0.3
 * amount             &gt;= 1000           1.2
 * hour_of_day        &lt; 6               0.2
 * base margin -1
 * </pre>
 */
class ScoringModelTest {

  private static final int NONE = -1;
  private static final double BASE_MARGIN = -1.0;
  private static final ModelInputs INPUTS =
      ModelInputs.of(
          List.of(
              "daily_spend_ratio",
              "tx_count_10m",
              "new_device",
              "amount",
              ModelInputs.HOUR_OF_DAY));
  private static final ScoringModel MODEL = new ScoringModel("v1", trees(), INPUTS);

  private static final Rule BIG_DAY =
      new Rule(
          "big_day",
          "a day far above the user's usual",
          List.of(new Condition(Feature.DAILY_SPEND_RATIO, Comparison.GREATER_OR_EQUAL, 3)),
          0.7,
          "BIG_DAY",
          DetailTemplate.parse("{daily_spend_ratio}× the usual day"));
  private static final Rule BURST =
      new Rule(
          "burst",
          "a burst no model may talk down",
          List.of(new Condition(Feature.TX_COUNT_10M, Comparison.GREATER_OR_EQUAL, 8)),
          0.95,
          "BURST",
          DetailTemplate.parse("{tx_count_10m} transactions in 10 min"),
          true);
  private static final RuleSet RULES = new RuleSet("rules-1", 0.3, List.of(BIG_DAY, BURST));
  private static final Scorer SCORER = new Scorer(RULES);

  /** Every input suspicious: margin -1 + 0.5 + 0.9 + 0.3 + 1.2 + 0.2 = 2.1. */
  private static final FeatureVector ALL_SUSPICIOUS =
      Features.of(
          Feature.DAILY_SPEND_RATIO, 6,
          Feature.DAILY_SPEND, 3000,
          Feature.TX_COUNT_10M, 5,
          Feature.NEW_DEVICE, 1,
          Feature.AMOUNT, 2500,
          Feature.AMOUNT_TO_MEAN_RATIO, 10);

  private static TreeEnsemble trees() {
    TreeEnsemble.Builder b = TreeEnsemble.builder(5, BASE_MARGIN);
    stump(b, 0, 3f, -0.5f, 0.5f);
    stump(b, 1, 3f, -0.9f, 0.9f);
    stump(b, 2, 0.5f, -0.3f, 0.3f);
    stump(b, 3, 1000f, -1.2f, 1.2f);
    stump(b, 4, 6f, 0.2f, -0.2f);
    return b.build();
  }

  private static void stump(
      TreeEnsemble.Builder b, int input, float threshold, float below, float above) {
    b.addTree(
        new int[] {1, NONE, NONE},
        new int[] {2, NONE, NONE},
        new int[] {input, 0, 0},
        new float[] {threshold, below, above},
        new boolean[] {false, false, false},
        new double[] {2, 1, 1});
  }

  private static Decision rules(FeatureVector features, Instant time) {
    return SCORER.score(Tx.at(time).build(), features);
  }

  private static Decision decide(FeatureVector features, Instant time) {
    return MODEL.decide(rules(features, time), RULES.hardReasonCodes());
  }

  private static List<Reason> modelReasons(Decision d) {
    return d.reasons().stream().filter(Reason::fromModel).toList();
  }

  @Test
  void shouldScoreWithTheModelsProbability() {
    Decision rules = rules(ALL_SUSPICIOUS, MONDAY_NOON);

    Decision decision = MODEL.decide(rules, RULES.hardReasonCodes());

    // at noon the hour pushes down: -1 + 0.5 + 0.9 + 0.3 + 1.2 - 0.2 = 1.7
    double expected = 1 / (1 + Math.exp(-1.7));
    assertThat(decision.score()).isCloseTo(expected, within(1e-6));
    assertThat(decision.severity()).isEqualTo(Severity.of(expected)).isEqualTo(Severity.HIGH);
    assertThat(decision.modelScore()).isEqualTo(decision.score());
    assertThat(decision.modelVersion()).isEqualTo("v1");
    assertThat(decision.rulesScore()).isEqualTo(rules.rulesScore()).isEqualTo(0.7);
    assertThat(MODEL.probability(rules)).isEqualTo(decision.modelScore());
  }

  @Test
  void shouldGradeSeverityOnTheModelsOwnScale() {
    // score ≈ 0.846: HIGH on the standard scale, CRITICAL on a scale whose CRITICAL starts at 0.8
    ScoringModel own =
        new ScoringModel("v2", trees(), INPUTS, new SeverityScale(0.8, 0.6, 0.4, 0.2));

    Decision decision = own.decide(rules(ALL_SUSPICIOUS, MONDAY_NOON), RULES.hardReasonCodes());

    assertThat(decision.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(Severity.of(decision.score())).isEqualTo(Severity.HIGH);
    assertThat(own.severities().critical()).isEqualTo(0.8);
  }

  @Test
  void shouldCarryTheTransactionAndTheRulesVersionOver() {
    Decision rules = rules(ALL_SUSPICIOUS, MONDAY_NOON);

    Decision decision = MODEL.decide(rules, RULES.hardReasonCodes());

    assertThat(decision.transactionId()).isEqualTo(rules.transactionId());
    assertThat(decision.userId()).isEqualTo(rules.userId());
    assertThat(decision.eventTime()).isEqualTo(rules.eventTime());
    assertThat(decision.amount()).isEqualTo(rules.amount());
    assertThat(decision.features()).isEqualTo(rules.features());
    assertThat(decision.ruleSetVersion()).isEqualTo("rules-1");
    assertThat(decision.isFraud()).isEqualTo(rules.isFraud());
  }

  @Test
  void shouldLetTheModelScoreBelowARuleThatIsNotHard() {
    // BIG_DAY fires (0.7); the model: -1 + 0.5 - 0.9 - 0.3 - 1.2 - 0.2 = -3.1
    Decision decision = decide(Features.of(Feature.DAILY_SPEND_RATIO, 4), MONDAY_NOON);

    assertThat(decision.rulesScore()).isEqualTo(0.7);
    assertThat(decision.score()).isCloseTo(1 / (1 + Math.exp(3.1)), within(1e-6));
    assertThat(decision.severity()).isEqualTo(Severity.MINIMAL);
    assertThat(decision.reasons())
        .extracting(Reason::code, Reason::source)
        .containsExactly(tuple("DAILY_SPEND_RATIO", Reason.MODEL), tuple("BIG_DAY", Reason.RULE));
  }

  @Test
  void shouldRaiseTheScoreToTheRulesWhenAnAlwaysAlertRuleFires() {
    // BURST fires (0.95, hard); the model: -1 - 0.5 + 0.9 - 0.3 - 1.2 - 0.2 = -2.3
    Decision decision = decide(Features.of(Feature.TX_COUNT_10M, 9), MONDAY_NOON);

    assertThat(decision.score()).isEqualTo(0.95);
    assertThat(decision.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(decision.rulesScore()).isEqualTo(0.95);
    assertThat(decision.modelScore()).isCloseTo(1 / (1 + Math.exp(2.3)), within(1e-6));
    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly("BURST", "TX_COUNT_10M");
    assertThat(decision.reasons().get(0).source()).isEqualTo(Reason.RULE);
    assertThat(decision.reasons().get(0).detail()).isEqualTo("9 transactions in 10 min");
  }

  @Test
  void shouldKeepTheModelsHigherScoreWhenAHardRuleFires() {
    Rule weakHard =
        new Rule(
            "new_device",
            "a new device, always worth an alert",
            List.of(new Condition(Feature.NEW_DEVICE, Comparison.EQUAL, 1)),
            0.2,
            "NEW_DEVICE_SEEN",
            DetailTemplate.parse("a new device"),
            true);
    RuleSet rules = new RuleSet("rules-2", 0.3, List.of(weakHard));
    Decision byRules = new Scorer(rules).score(Tx.at(TUESDAY_3AM).build(), ALL_SUSPICIOUS);

    Decision decision = MODEL.decide(byRules, rules.hardReasonCodes());

    assertThat(decision.rulesScore()).isCloseTo(0.2, within(1e-12));
    assertThat(decision.score()).isCloseTo(1 / (1 + Math.exp(-2.1)), within(1e-6));
    assertThat(decision.reasons().get(0).code()).isEqualTo("NEW_DEVICE_SEEN");
  }

  @Test
  void shouldScoreABlockedAccountOneWithTheBlockFirst() {
    // BIG_DAY (0.7) outweighs the block's share (0.3) among the rules' own reasons
    FeatureVector features =
        Features.of(
            Feature.ACCOUNT_BLOCKED, 1, Feature.DAILY_SPEND_RATIO, 4, Feature.NEW_DEVICE, 1);
    Decision rules = rules(features, MONDAY_NOON);
    assertThat(rules.reasons()).extracting(Reason::code).startsWith("BIG_DAY");

    Decision decision = MODEL.decide(rules, RULES.hardReasonCodes());

    assertThat(decision.score()).isEqualTo(1.0);
    assertThat(decision.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(decision.rulesScore()).isEqualTo(1.0);
    assertThat(decision.modelScore()).isLessThan(0.5);
    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCodes.ACCOUNT_BLOCKED, "DAILY_SPEND_RATIO", "NEW_DEVICE", "BIG_DAY");
  }

  @Test
  void shouldGiveAtMostThreeModelReasonsLargestFirst() {
    Decision decision = decide(ALL_SUSPICIOUS, TUESDAY_3AM);

    List<Reason> model = modelReasons(decision);
    assertThat(model)
        .extracting(Reason::code)
        .containsExactly("AMOUNT", "TX_COUNT_10M", "DAILY_SPEND_RATIO");
    assertThat(model.get(0).contribution()).isCloseTo(1.2, within(1e-6));
    assertThat(model.get(1).contribution()).isCloseTo(0.9, within(1e-6));
    assertThat(model.get(2).contribution()).isCloseTo(0.5, within(1e-6));
    assertThat(model).extracting(Reason::source).containsOnly(Reason.MODEL);
    assertThat(model.get(0).detail()).isEqualTo("amount 2500, 10× the user's mean");
    assertThat(model.get(1).detail()).isEqualTo("5 transactions in 10 min");
    assertThat(model.get(2).detail()).isEqualTo("spent 3000 today, 6× the user's usual day");
    // the rule reasons follow the model's
    assertThat(decision.reasons()).hasSize(4);
    assertThat(decision.reasons().get(3).code()).isEqualTo("BIG_DAY");
    assertThat(decision.reasons().get(3).source()).isEqualTo(Reason.RULE);
    assertThat(decision.score()).isCloseTo(1 / (1 + Math.exp(-2.1)), within(1e-6));
  }

  @Test
  void shouldGiveOnlyInputsThatPushedTheScoreUp() {
    FeatureVector features = Features.of(Feature.NEW_DEVICE, 1);

    Decision decision = decide(features, TUESDAY_3AM);

    // positive: new_device +0.3, hour 3 +0.2; the rest pushed down
    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly("NEW_DEVICE", "HOUR_OF_DAY");
    assertThat(decision.reasons().get(0).detail()).isEqualTo("a device new to the user");
    assertThat(decision.reasons().get(1).detail()).isEqualTo("at 03:00 UTC");
    assertThat(decision.reasons()).allSatisfy(r -> assertThat(r.contribution()).isPositive());
  }

  @Test
  void shouldGiveNoModelReasonWhenNothingPushedUp() {
    Decision decision = decide(Features.of(), MONDAY_NOON);

    assertThat(decision.reasons()).isEmpty();
    assertThat(decision.score()).isCloseTo(1 / (1 + Math.exp(4.1)), within(1e-6));
    assertThat(decision.rulesScore()).isZero();
  }

  @Test
  void shouldRefuseTreesAndSchemaThatDisagreeOnTheInputCount() {
    ModelInputs four = ModelInputs.of(INPUTS.names().subList(0, 4));

    assertThatThrownBy(() -> new ScoringModel("v9", trees(), four))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model v9: the trees take 5 inputs but the schema names 4");
  }

  @Test
  void shouldNameItsVersionTreesAndInputs() {
    assertThat(MODEL.version()).isEqualTo("v1");
    assertThat(MODEL.inputs()).isEqualTo(INPUTS);
    assertThat(MODEL.trees().treeCount()).isEqualTo(5);
    assertThat(MODEL).hasToString("ScoringModel[v1, 5 trees, " + INPUTS + "]");
  }

  /**
   * The one-pass choice of model reasons against the three passes it replaced, on values with ties,
   * zeros, negatives and NaN, for every count of inputs up to 64.
   */
  @Test
  void shouldPickTheLargestPositiveContributionsAsThreePassesDid() {
    Random random = new Random(3);
    double[] pool = {0.0, -0.0, -1.5, 0.25, 0.25, 0.5, 1.0, 1.0, 2.0, Double.NaN, 1e-300};
    for (int trial = 0; trial < 20_000; trial++) {
      int n = random.nextInt(65);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] =
            random.nextBoolean() ? pool[random.nextInt(pool.length)] : random.nextGaussian();
      }
      assertThat(ScoringModel.largestPositive(values, n))
          .as("%s", Arrays.toString(values))
          .containsExactly(threePasses(values, n));
    }
  }

  /** Three passes, each taking the largest value not yet taken (the first among equal ones). */
  private static int[] threePasses(double[] values, int n) {
    int[] chosen = {NONE, NONE, NONE};
    long taken = 0;
    for (int k = 0; k < ScoringModel.MAX_REASONS; k++) {
      int best = NONE;
      for (int i = 0; i < n; i++) {
        if (values[i] > 0 && (taken & (1L << i)) == 0 && (best < 0 || values[i] > values[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      taken |= 1L << best;
      chosen[k] = best;
    }
    return chosen;
  }
}
