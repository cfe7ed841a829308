package io.streamsentinel.response;

import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.UserAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the {@link ActionPolicy} decided for one alert: everything to publish, nothing done yet.
 *
 * @param effectiveSeverity the alert's severity after escalation; never null
 * @param escalated whether the repeat-offender rule raised the tier (never for CRITICAL or MINIMAL)
 * @param actions one event for {@code user-actions} per action, in tier order; empty for MINIMAL
 * @param accountState the record to publish to {@code account-status}; null when the account status
 *     does not change
 * @param responseTarget the response-time target of the effective severity; null for MINIMAL
 */
public record ResponsePlan(
    Severity effectiveSeverity,
    boolean escalated,
    List<UserAction> actions,
    AccountState accountState,
    Duration responseTarget) {

  public ResponsePlan {
    Objects.requireNonNull(effectiveSeverity, "effectiveSeverity");
    actions = List.copyOf(actions);
  }

  /**
   * Whether responding at {@code now} to an alert raised at {@code alertTime} took longer than the
   * target. Never true without a target.
   */
  public boolean missedTarget(Instant alertTime, Instant now) {
    return responseTarget != null && Duration.between(alertTime, now).compareTo(responseTarget) > 0;
  }
}
