package io.streamsentinel.response;

import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Alert;
import io.streamsentinel.domain.ReasonCodes;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.UserAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides the response to an alert: a pure function of the alert, the user's earlier alerts and the
 * time of deciding. Tiers: CRITICAL blocks the account and notifies the fraud team; HIGH requires
 * step-up authentication and opens an investigation; MEDIUM asks for manual review; LOW monitors;
 * MINIMAL does nothing. A repeat offender is escalated one tier.
 */
public final class ActionPolicy {

  private final PolicySettings settings;

  public ActionPolicy(PolicySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public PolicySettings settings() {
    return settings;
  }

  /**
   * The response to {@code alert}.
   *
   * @param history the user's alerts <em>before</em> this one; the alert itself is counted here, so
   *     the caller adds {@code alert.eventTime()} to the stored history after deciding
   * @param now when the decision is made: the actions' decided-at time and the start of a step-up
   */
  public ResponsePlan decide(Alert alert, AlertHistory history, Instant now) {
    if (alert.reasonCodes().contains(ReasonCodes.ACCOUNT_BLOCKED)) {
      return useOfBlockedAccount(alert, now);
    }
    Severity severity = alert.severity();
    Severity effective = isRepeatOffender(alert, history) ? escalate(severity) : severity;
    boolean escalated = effective != severity;
    List<String> reasons = new ArrayList<>(alert.reasonCodes());
    if (escalated) {
      reasons.add(ReasonCodes.REPEAT_OFFENDER);
    }
    String note = escalated ? "escalated from " + severity + " as a repeat offender" : null;
    List<UserAction> actions = new ArrayList<>();
    AccountState state = null;
    for (ActionType type : actionsFor(effective)) {
      actions.add(
          new UserAction(
              UserAction.actionId(alert.alertId(), type),
              alert.alertId(),
              alert.transactionId(),
              alert.userId(),
              type,
              effective,
              reasons,
              now,
              alert.eventTime(),
              settings.version(),
              UserAction.RESPONDER,
              note));
      state = state != null ? state : accountStateFor(type, alert, effective, now);
    }
    return new ResponsePlan(
        effective, escalated, actions, state, settings.responseTarget(effective));
  }

  /**
   * Whether the user has at least the threshold of alerts, this one included, in the window ending
   * at this alert's event time. Event time rather than the time of deciding, so a replay or a
   * lagging responder escalates exactly as a prompt one would.
   */
  boolean isRepeatOffender(Alert alert, AlertHistory history) {
    int earlier = history.countWithin(settings.repeatOffenderWindow(), alert.eventTime());
    return earlier + 1 >= settings.repeatOffenderThreshold();
  }

  /** One tier up; CRITICAL has nowhere to go and MINIMAL is not worth a response even repeated. */
  static Severity escalate(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> Severity.CRITICAL;
      case MEDIUM -> Severity.HIGH;
      case LOW -> Severity.MEDIUM;
      case MINIMAL -> Severity.MINIMAL;
    };
  }

  /** The actions of a tier, in the order they are published. */
  /**
   * A transaction on an account that is already blocked: the block stands, so blocking again and
   * paging the fraud team for every declined attempt would only flood both. It is recorded
   * (MONITOR) for the audit trail.
   */
  private ResponsePlan useOfBlockedAccount(Alert alert, Instant now) {
    UserAction monitor =
        new UserAction(
            UserAction.actionId(alert.alertId(), ActionType.MONITOR),
            alert.alertId(),
            alert.transactionId(),
            alert.userId(),
            ActionType.MONITOR,
            alert.severity(),
            alert.reasonCodes(),
            now,
            alert.eventTime(),
            settings.version(),
            UserAction.RESPONDER,
            "account already blocked");
    return new ResponsePlan(
        alert.severity(), false, List.of(monitor), null, settings.responseTarget(alert.severity()));
  }

  static List<ActionType> actionsFor(Severity severity) {
    return switch (severity) {
      case CRITICAL -> List.of(ActionType.BLOCK_ACCOUNT, ActionType.NOTIFY_FRAUD_TEAM);
      case HIGH -> List.of(ActionType.REQUIRE_STEP_UP_AUTH, ActionType.OPEN_INVESTIGATION);
      case MEDIUM -> List.of(ActionType.MANUAL_REVIEW);
      case LOW -> List.of(ActionType.MONITOR);
      case MINIMAL -> List.of();
    };
  }

  private AccountState accountStateFor(
      ActionType type, Alert alert, Severity effective, Instant now) {
    String reason = effective + " alert " + alert.alertId();
    return switch (type) {
      case BLOCK_ACCOUNT ->
          new AccountState(alert.userId(), AccountStatus.BLOCKED, reason, now, null);
      case REQUIRE_STEP_UP_AUTH ->
          new AccountState(
              alert.userId(),
              AccountStatus.STEP_UP_REQUIRED,
              reason,
              now,
              now.plus(settings.stepUpExpiry()));
      default -> null;
    };
  }
}
