package io.streamsentinel.response;

import static io.streamsentinel.response.Alerts.DECIDED;
import static io.streamsentinel.response.Alerts.NOON;
import static io.streamsentinel.response.Alerts.USER;
import static io.streamsentinel.response.Alerts.daysBefore;
import static io.streamsentinel.response.Alerts.historyAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Alert;
import io.streamsentinel.domain.ReasonCodes;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.UserAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionPolicyTest {

  private static final ActionPolicy POLICY = new ActionPolicy(PolicySettings.defaults());

  /** One earlier alert: with the current one that is two, below the default threshold of 3. */
  private static final AlertHistory ONE_EARLIER = historyAt(daysBefore(NOON, 1));

  /** Two earlier alerts: with the current one that is exactly the default threshold. */
  private static final AlertHistory TWO_EARLIER =
      historyAt(daysBefore(NOON, 1), daysBefore(NOON, 6));

  @ParameterizedTest
  @CsvSource({
    "CRITICAL, BLOCK_ACCOUNT NOTIFY_FRAUD_TEAM",
    "HIGH,     REQUIRE_STEP_UP_AUTH OPEN_INVESTIGATION",
    "MEDIUM,   MANUAL_REVIEW",
    "LOW,      MONITOR"
  })
  void shouldTakeTheActionsOfEachTier(Severity severity, String expected) {
    ResponsePlan plan = POLICY.decide(Alerts.of(severity, NOON), AlertHistory.empty(), DECIDED);

    assertThat(plan.actions())
        .extracting(UserAction::actionType)
        .containsExactlyElementsOf(
            List.of(expected.split(" ")).stream().map(ActionType::fromWire).toList());
    assertThat(plan.effectiveSeverity()).isEqualTo(severity);
    assertThat(plan.escalated()).isFalse();
  }

  @Test
  void shouldOnlyRecordTheUseOfAnAlreadyBlockedAccount() {
    Alert base = Alerts.of(Severity.CRITICAL, NOON);
    Alert blocked =
        new Alert(
            base.alertId(),
            base.transactionId(),
            base.userId(),
            Severity.CRITICAL,
            1.0,
            java.util.List.of("ACCOUNT_BLOCKED"),
            NOON);

    ResponsePlan plan = POLICY.decide(blocked, TWO_EARLIER, DECIDED);

    assertThat(plan.actions())
        .extracting(UserAction::actionType)
        .containsExactly(ActionType.MONITOR);
    assertThat(plan.actions().get(0).note()).isEqualTo("account already blocked");
    assertThat(plan.accountState()).isNull();
    assertThat(plan.escalated()).isFalse();
  }

  @Test
  void shouldDoNothingForAMinimalAlertEvenOfARepeatOffender() {
    ResponsePlan plan = POLICY.decide(Alerts.of(Severity.MINIMAL, NOON), TWO_EARLIER, DECIDED);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.accountState()).isNull();
    assertThat(plan.effectiveSeverity()).isEqualTo(Severity.MINIMAL);
    assertThat(plan.responseTarget()).isNull();
    assertThat(plan.missedTarget(NOON, NOON.plus(Duration.ofDays(1)))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"LOW, MEDIUM", "MEDIUM, HIGH", "HIGH, CRITICAL"})
  void shouldEscalateARepeatOffenderOneTierAtExactlyTheThreshold(
      Severity severity, Severity escalated) {
    ResponsePlan plan = POLICY.decide(Alerts.of(severity, NOON), TWO_EARLIER, DECIDED);

    assertThat(plan.effectiveSeverity()).isEqualTo(escalated);
    assertThat(plan.escalated()).isTrue();
    assertThat(plan.actions())
        .extracting(UserAction::actionType)
        .containsExactlyElementsOf(ActionPolicy.actionsFor(escalated));
    assertThat(plan.actions())
        .allSatisfy(
            action -> {
              assertThat(action.severity()).isEqualTo(escalated);
              assertThat(action.reasons()).endsWith(ReasonCodes.REPEAT_OFFENDER);
              assertThat(action.note()).contains(severity.name());
            });
  }

  @Test
  void shouldNotEscalateBelowTheThreshold() {
    ResponsePlan plan = POLICY.decide(Alerts.of(Severity.MEDIUM, NOON), ONE_EARLIER, DECIDED);

    assertThat(plan.effectiveSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(plan.escalated()).isFalse();
    assertThat(plan.actions().get(0).reasons()).containsExactly("VELOCITY_1M");
    assertThat(plan.actions().get(0).note()).isNull();
  }

  @Test
  void shouldNotCountAlertsOutsideTheWindow() {
    AlertHistory old = historyAt(daysBefore(NOON, 7), daysBefore(NOON, 30), NOON.plusSeconds(60));

    ResponsePlan plan = POLICY.decide(Alerts.of(Severity.LOW, NOON), old, DECIDED);

    assertThat(plan.escalated()).isFalse();
    assertThat(plan.effectiveSeverity()).isEqualTo(Severity.LOW);
  }

  @Test
  void shouldKeepARepeatOffendersCriticalAlertCritical() {
    ResponsePlan plan = POLICY.decide(Alerts.of(Severity.CRITICAL, NOON), TWO_EARLIER, DECIDED);

    assertThat(plan.effectiveSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(plan.escalated()).isFalse();
    assertThat(plan.actions())
        .extracting(UserAction::actionType)
        .containsExactly(ActionType.BLOCK_ACCOUNT, ActionType.NOTIFY_FRAUD_TEAM);
  }

  @Test
  void shouldFollowAConfiguredThreshold() {
    PolicySettings defaults = PolicySettings.defaults();
    ActionPolicy strict =
        new ActionPolicy(
            new PolicySettings(
                1,
                defaults.repeatOffenderWindow(),
                defaults.stepUpExpiry(),
                defaults.criticalTarget(),
                defaults.highTarget(),
                defaults.mediumTarget(),
                defaults.lowTarget(),
                "test-1"));

    ResponsePlan plan = strict.decide(Alerts.of(Severity.LOW, NOON), AlertHistory.empty(), NOON);

    assertThat(plan.effectiveSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(plan.actions()).allSatisfy(a -> assertThat(a.policyVersion()).isEqualTo("test-1"));
  }

  @Test
  void shouldBlockTheAccountOnACriticalAlert() {
    ResponsePlan plan =
        POLICY.decide(Alerts.of(Severity.CRITICAL, NOON), AlertHistory.empty(), DECIDED);

    AccountState state = plan.accountState();
    assertThat(state.userId()).isEqualTo(USER);
    assertThat(state.status()).isEqualTo(AccountStatus.BLOCKED);
    assertThat(state.updatedAt()).isEqualTo(DECIDED);
    assertThat(state.expiresAt()).isNull();
    assertThat(state.reason()).contains("CRITICAL");
  }

  @Test
  void shouldRequireStepUpUntilTheExpiryOnAHighAlert() {
    ResponsePlan plan =
        POLICY.decide(Alerts.of(Severity.HIGH, NOON), AlertHistory.empty(), DECIDED);

    AccountState state = plan.accountState();
    assertThat(state.status()).isEqualTo(AccountStatus.STEP_UP_REQUIRED);
    assertThat(state.expiresAt()).isEqualTo(DECIDED.plus(Duration.ofHours(24)));
    assertThat(state.statusAt(DECIDED.plus(Duration.ofHours(24)))).isEqualTo(AccountStatus.ACTIVE);
  }

  @ParameterizedTest
  @CsvSource({"MEDIUM", "LOW"})
  void shouldLeaveTheAccountStatusAloneBelowHigh(Severity severity) {
    ResponsePlan plan = POLICY.decide(Alerts.of(severity, NOON), AlertHistory.empty(), DECIDED);

    assertThat(plan.accountState()).isNull();
  }

  @Test
  void shouldStampEveryActionWithTheAlertTimeVersionAndActor() {
    Alert alert = Alerts.of(Severity.HIGH, NOON);

    ResponsePlan plan = POLICY.decide(alert, AlertHistory.empty(), DECIDED);

    assertThat(plan.actions())
        .allSatisfy(
            action -> {
              assertThat(action.alertId()).isEqualTo(alert.alertId());
              assertThat(action.transactionId()).isEqualTo(alert.transactionId());
              assertThat(action.userId()).isEqualTo(USER);
              assertThat(action.decidedAt()).isEqualTo(DECIDED);
              assertThat(action.policyVersion()).isEqualTo(PolicySettings.DEFAULT_VERSION);
              assertThat(action.actor()).isEqualTo(UserAction.RESPONDER);
            });
  }

  @Test
  void shouldDeriveTheSameDistinctActionIdsOnEveryReplay() {
    Alert alert = Alerts.of(Severity.CRITICAL, NOON);

    ResponsePlan first = POLICY.decide(alert, AlertHistory.empty(), DECIDED);
    ResponsePlan replay = POLICY.decide(alert, TWO_EARLIER, DECIDED.plusSeconds(3600));

    List<String> ids = first.actions().stream().map(UserAction::actionId).toList();
    assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("action-"));
    assertThat(replay.actions()).extracting(UserAction::actionId).isEqualTo(ids);
    assertThat(ids.get(0))
        .isEqualTo(UserAction.actionId(alert.alertId(), ActionType.BLOCK_ACCOUNT));
  }

  @ParameterizedTest
  @CsvSource({"CRITICAL, PT1S", "HIGH,     PT5S", "MEDIUM,   PT30S", "LOW,      PT5M"})
  void shouldCarryTheResponseTargetOfTheTier(Severity severity, Duration target) {
    ResponsePlan plan = POLICY.decide(Alerts.of(severity, NOON), AlertHistory.empty(), DECIDED);

    assertThat(plan.responseTarget()).isEqualTo(target);
    assertThat(plan.missedTarget(NOON, NOON.plus(target))).isFalse();
    assertThat(plan.missedTarget(NOON, NOON.plus(target).plusMillis(1))).isTrue();
  }

  @Test
  void shouldHoldAnEscalatedAlertToTheTargetOfItsNewTier() {
    ResponsePlan plan = POLICY.decide(Alerts.of(Severity.HIGH, NOON), TWO_EARLIER, DECIDED);

    assertThat(plan.responseTarget()).isEqualTo(Duration.ofSeconds(1));
    assertThat(plan.missedTarget(NOON, NOON.plusSeconds(2))).isTrue();
  }
}
