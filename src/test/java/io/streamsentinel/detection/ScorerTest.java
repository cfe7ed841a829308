package io.streamsentinel.detection;

import static io.streamsentinel.detection.Moments.MONDAY_NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsentinel.domain.ReasonCodes;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorerTest {

  private static final Condition BURST =
      new Condition(Feature.TX_COUNT_1M, Comparison.GREATER_OR_EQUAL, 3);
  private static final Condition FAR = new Condition(Feature.DISTANCE_KM, Comparison.GREATER, 500);
  private static final Condition ONLINE =
      new Condition(Feature.CARD_NOT_PRESENT, Comparison.EQUAL, 1);

  private static final Scorer SCORER =
      new Scorer(
          new RuleSet(
              "test-7",
              0.3,
              List.of(
                  RuleTest.rule("burst", 0.6, BURST),
                  RuleTest.rule("far", 0.5, FAR),
                  RuleTest.rule("online", 0.2, ONLINE))));

  private static final Transaction TX = Tx.at(MONDAY_NOON, "42.00").build();

  @Test
  void shouldScoreZeroWithNoReasonsWhenNothingFires() {
    Decision decision = SCORER.score(TX, Features.of());

    assertThat(decision.score()).isZero();
    assertThat(decision.severity()).isEqualTo(Severity.MINIMAL);
    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void shouldCombineFiredRulesAsNoisyOr() {
    Decision decision =
        SCORER.score(TX, Features.of(Feature.TX_COUNT_1M, 3, Feature.DISTANCE_KM, 900));

    assertThat(decision.score()).isCloseTo(1 - 0.4 * 0.5, within(1e-12));
    assertThat(decision.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void shouldOrderReasonsByContributionWhichAddUpToTheScore() {
    Decision decision =
        SCORER.score(
            TX,
            Features.of(
                Feature.TX_COUNT_1M, 7, Feature.DISTANCE_KM, 900, Feature.CARD_NOT_PRESENT, 1));

    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly("BURST", "FAR", "ONLINE");
    assertThat(decision.reasons().get(0).detail()).isEqualTo("7 transactions in 60 s");
    double total = decision.reasons().stream().mapToDouble(Reason::contribution).sum();
    assertThat(total).isCloseTo(decision.score(), within(1e-12));
    // shares follow -ln(1 - w): ln(1/0.4) : ln(1/0.5)
    double ratio =
        decision.reasons().get(0).contribution() / decision.reasons().get(1).contribution();
    assertThat(ratio).isCloseTo(Math.log(0.4) / Math.log(0.5), within(1e-9));
  }

  @Test
  void shouldMakeEveryTransactionOfABlockedAccountCritical() {
    Decision decision = SCORER.score(TX, Features.of(Feature.ACCOUNT_BLOCKED, 1));

    assertThat(decision.score()).isEqualTo(1.0);
    assertThat(decision.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCodes.ACCOUNT_BLOCKED);
    assertThat(decision.reasons().get(0).contribution()).isEqualTo(1.0);
  }

  @Test
  void shouldGiveTheBlockedReasonWhatTheRulesDidNotExplain() {
    Decision decision =
        SCORER.score(TX, Features.of(Feature.ACCOUNT_BLOCKED, 1, Feature.TX_COUNT_1M, 3));

    assertThat(decision.score()).isEqualTo(1.0);
    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly("BURST", "ACCOUNT_BLOCKED");
    assertThat(decision.reasons().get(1).contribution()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void shouldAddTheStepUpReasonWithTheRuleSetsWeight() {
    Decision decision = SCORER.score(TX, Features.of(Feature.STEP_UP_REQUIRED, 1));

    assertThat(decision.score()).isCloseTo(0.3, within(1e-12));
    assertThat(decision.severity()).isEqualTo(Severity.LOW);
    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCodes.STEP_UP_REQUIRED);
  }

  @Test
  void shouldCarryTheTransactionTheFeaturesTheVersionAndTheLabelsThrough() {
    Transaction labelled = TX.toBuilder().isFraud(true).fraudPattern("velocity_burst").build();
    FeatureVector features = Features.of(Feature.AMOUNT, 42);

    Decision decision = SCORER.score(labelled, features);

    assertThat(decision.transactionId()).isEqualTo(labelled.transactionId());
    assertThat(decision.userId()).isEqualTo(Tx.USER);
    assertThat(decision.eventTime()).isEqualTo(MONDAY_NOON);
    assertThat(decision.amount()).isEqualByComparingTo("42.00");
    assertThat(decision.features()).isEqualTo(features);
    assertThat(decision.ruleSetVersion()).isEqualTo("test-7");
    assertThat(decision.isFraud()).isTrue();
    assertThat(decision.fraudPattern()).isEqualTo("velocity_burst");
    assertThat(decision.score()).as("labels never score").isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "1.0, CRITICAL",
    "0.9, CRITICAL",
    "0.8999, HIGH",
    "0.7, HIGH",
    "0.6999, MEDIUM",
    "0.5, MEDIUM",
    "0.4999, LOW",
    "0.3, LOW",
    "0.2999, MINIMAL",
    "0.0, MINIMAL"
  })
  void shouldPlaceScoresInSeverityTiers(double score, Severity severity) {
    assertThat(Severity.of(score)).isEqualTo(severity);
  }

  @Test
  void shouldRaiseAnAlertAtOrAboveTheThreshold() {
    Decision half = SCORER.score(TX, Features.of(Feature.DISTANCE_KM, 900));

    assertThat(half.score()).isEqualTo(0.5);
    assertThat(half.isAlert(Decision.DEFAULT_ALERT_THRESHOLD)).isTrue();
    assertThat(half.isAlert(0.51)).isFalse();
    assertThat(half.isAlert(0.2)).isTrue();
  }
}
