package io.streamsentinel.detection;

import static io.streamsentinel.detection.Moments.MONDAY_NOON;
import static io.streamsentinel.detection.Moments.TUESDAY_NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A snoozed rule does not fire: no score, no reason, for the snoozed user only; the decision names
 * it, and the shadow rule set is silenced alike.
 */
class SnoozedScoringTest {

  private static final Condition ANY_AMOUNT =
      new Condition(Feature.AMOUNT, Comparison.GREATER_OR_EQUAL, 0);
  private static final Condition BIG = new Condition(Feature.AMOUNT, Comparison.GREATER, 1000);

  private static final RuleSet RULES =
      new RuleSet(
          "snooze-1",
          0.3,
          List.of(
              RuleTest.rule("every_payment", 0.6, ANY_AMOUNT),
              RuleTest.rule("big", 0.5, BIG),
              RuleTest.rule("never", 0.5, new Condition(Feature.AMOUNT, Comparison.LESS, 0))));
  private static final FraudDetector DETECTOR = FraudDetector.of(RULES);

  private static final Snoozes EVERY_PAYMENT_OF_USER =
      Snoozes.of(
          List.of(
              new Snooze(
                  "every_payment", Tx.USER, null, TUESDAY_NOON, "travel", "anna", MONDAY_NOON)));

  private static Transaction tx(String user, String amount) {
    return Tx.at(MONDAY_NOON, amount).userId(user).build();
  }

  private static FraudDetector.Assessment assess(Transaction tx, Snoozes snoozes) {
    return DETECTOR.assess(
        tx, UserProfile.empty(tx.userId()), AccountStatus.ACTIVE, null, null, null, snoozes);
  }

  @Test
  void aSnoozedRuleShouldNotFireForItsUserButStillForAnother() {
    FraudDetector.Assessment snoozed = assess(tx(Tx.USER, "42.00"), EVERY_PAYMENT_OF_USER);
    FraudDetector.Assessment other = assess(tx("user_002", "42.00"), EVERY_PAYMENT_OF_USER);

    assertThat(snoozed.decision().score()).isZero();
    assertThat(snoozed.decision().reasons()).isEmpty();
    assertThat(snoozed.decision().snoozed()).containsExactly("every_payment");
    assertThat(snoozed.silencedHits()).isEqualTo(1);

    assertThat(other.decision().score()).isCloseTo(0.6, within(1e-12));
    assertThat(other.decision().reasons())
        .extracting(Reason::code)
        .containsExactly("EVERY_PAYMENT");
    assertThat(other.decision().snoozed()).isEmpty();
    assertThat(other.silencedHits()).isZero();
  }

  @Test
  void theOtherRulesShouldScoreAsIfTheSnoozedOneWereNotThere() {
    Transaction big = tx(Tx.USER, "5000.00");
    Decision snoozed = assess(big, EVERY_PAYMENT_OF_USER).decision();
    RuleSet without = new RuleSet("without", 0.3, List.of(RuleTest.rule("big", 0.5, BIG)));

    Decision expected = new Scorer(without).score(big, snoozed.features());
    assertThat(snoozed.score()).isEqualTo(expected.score());
    assertThat(snoozed.reasons()).isEqualTo(expected.reasons());
    assertThat(DETECTOR.scorer().scoreOf(snoozed.features(), snoozed.snoozed()))
        .as("a replay of the logged features with the logged snoozes")
        .isEqualTo(snoozed.score());
    assertThat(DETECTOR.scorer().scoreOf(snoozed.features()))
        .isCloseTo(1 - 0.4 * 0.5, within(1e-12));
  }

  @Test
  void aSnoozeOfARuleThatWouldNotFireShouldBeNamedButSilenceNoHit() {
    Snoozes never =
        Snoozes.of(
            List.of(new Snooze("never", Tx.USER, null, TUESDAY_NOON, "test", "anna", MONDAY_NOON)));

    FraudDetector.Assessment a = assess(tx(Tx.USER, "42.00"), never);

    assertThat(a.decision().snoozed()).containsExactly("never");
    assertThat(a.decision().score()).isCloseTo(0.6, within(1e-12));
    assertThat(a.silencedHits()).isZero();
  }

  @Test
  void theShadowRuleSetShouldBeSilencedAlike() {
    FraudDetector shadow =
        FraudDetector.of(
            new RuleSet("shadow-1", 0.3, List.of(RuleTest.rule("every_payment", 0.9, ANY_AMOUNT))));
    Transaction tx = tx(Tx.USER, "42.00");

    Decision withSnooze =
        DETECTOR
            .assess(
                tx,
                UserProfile.empty(Tx.USER),
                AccountStatus.ACTIVE,
                null,
                null,
                shadow,
                EVERY_PAYMENT_OF_USER)
            .decision();
    Decision without =
        DETECTOR
            .assess(tx, UserProfile.empty(Tx.USER), AccountStatus.ACTIVE, null, null, shadow)
            .decision();

    assertThat(withSnooze.shadow().score()).isZero();
    assertThat(withSnooze.snoozed()).containsExactly("every_payment");
    assertThat(without.shadow().score()).isCloseTo(0.9, within(1e-12));
    assertThat(without.snoozed()).isEmpty();
  }

  @Test
  void aTransactionAfterTheSnoozeShouldFireTheRuleAgain() {
    Transaction later = Tx.at(TUESDAY_NOON).userId(Tx.USER).amount(new BigDecimal("42.00")).build();

    Decision d = assess(later, EVERY_PAYMENT_OF_USER).decision();

    assertThat(d.snoozed()).isEmpty();
    assertThat(d.reasons()).extracting(Reason::code).containsExactly("EVERY_PAYMENT");
  }

  @Test
  void aSnoozedHardRuleShouldNoLongerRaiseTheModelsScoreWhichStaysItsOwn() {
    Rule hard =
        new Rule(
            "every_payment_hard",
            "a hard rule on every payment",
            List.of(ANY_AMOUNT),
            0.9,
            "EVERY_PAYMENT_HARD",
            DetailTemplate.parse("{amount}"),
            true);
    FraudDetector detector = FraudDetector.of(new RuleSet("hard-1", 0.3, List.of(hard)));
    // One stump on the amount: margin -2 below 1,000, so the model alone says 1 / (1 + e^2).
    TreeEnsemble.Builder trees = TreeEnsemble.builder(1, 0);
    trees.addTree(
        new int[] {1, -1, -1},
        new int[] {2, -1, -1},
        new int[] {0, 0, 0},
        new float[] {1000f, -2f, 2f},
        new boolean[] {false, false, false},
        new double[] {2, 1, 1});
    ScoringModel model = new ScoringModel("m1", trees.build(), ModelInputs.of(List.of("amount")));
    Snoozes hardOfUser =
        Snoozes.of(
            List.of(
                new Snooze(
                    "every_payment_hard",
                    Tx.USER,
                    null,
                    TUESDAY_NOON,
                    "travel",
                    "anna",
                    MONDAY_NOON)));
    Transaction payment = tx(Tx.USER, "42.00");
    double modelAlone = TreeEnsemble.sigmoid(-2);

    Decision raised =
        detector
            .assess(
                payment,
                UserProfile.empty(Tx.USER),
                AccountStatus.ACTIVE,
                model,
                null,
                null,
                Snoozes.NONE)
            .decision();
    Decision snoozed =
        detector
            .assess(
                payment,
                UserProfile.empty(Tx.USER),
                AccountStatus.ACTIVE,
                model,
                null,
                null,
                hardOfUser)
            .decision();

    assertThat(raised.score()).as("the hard rule raises the model's score").isGreaterThan(0.5);
    assertThat(snoozed.score()).isCloseTo(modelAlone, within(1e-9));
    assertThat(snoozed.modelScore()).isCloseTo(modelAlone, within(1e-9));
    assertThat(snoozed.reasons()).extracting(Reason::code).doesNotContain("EVERY_PAYMENT_HARD");
    assertThat(snoozed.snoozed()).containsExactly("every_payment_hard");
  }
}
