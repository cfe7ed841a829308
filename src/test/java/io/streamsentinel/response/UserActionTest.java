package io.streamsentinel.response;

import static io.streamsentinel.response.Alerts.NOON;
import static io.streamsentinel.response.Alerts.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.ReasonCodes;
import io.streamsentinel.domain.UserAction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UserActionTest {

  @Test
  void shouldDeriveOneIdPerAlertAndTypeThatNeverChanges() {
    assertThat(UserAction.actionId("alert-1", ActionType.BLOCK_ACCOUNT))
        .isEqualTo(UserAction.actionId("alert-1", ActionType.BLOCK_ACCOUNT))
        .isNotEqualTo(UserAction.actionId("alert-2", ActionType.BLOCK_ACCOUNT));
    assertThat(Arrays.stream(ActionType.values()).map(t -> UserAction.actionId("alert-1", t)))
        .doesNotHaveDuplicates();
  }

  @Test
  void shouldRecordAManualActionWithoutAlertOrSeverity() {
    UserAction unblock =
        UserAction.manual(USER, ActionType.UNBLOCK_ACCOUNT, "alice", "customer called", NOON, "v1");

    assertThat(unblock.alertId()).isNull();
    assertThat(unblock.transactionId()).isNull();
    assertThat(unblock.severity()).isNull();
    assertThat(unblock.actor()).isEqualTo("alice");
    assertThat(unblock.note()).isEqualTo("customer called");
    assertThat(unblock.reasons()).containsExactly(ReasonCodes.MANUAL_OVERRIDE);
    assertThat(unblock.decidedAt()).isEqualTo(NOON);
    assertThat(unblock.actionId()).startsWith("action-");
  }

  @Test
  void shouldDeriveAManualIdFromUserTypeAndTime() {
    UserAction once = UserAction.manual(USER, ActionType.BLOCK_ACCOUNT, "alice", "a", NOON, "v1");
    UserAction retried = UserAction.manual(USER, ActionType.BLOCK_ACCOUNT, "bob", "b", NOON, "v1");

    assertThat(retried.actionId()).isEqualTo(once.actionId());
    assertThat(UserAction.manual(USER, ActionType.UNBLOCK_ACCOUNT, "alice", "a", NOON, "v1"))
        .extracting(UserAction::actionId)
        .isNotEqualTo(once.actionId());
    assertThat(
            UserAction.manual(
                    USER, ActionType.BLOCK_ACCOUNT, "alice", "a", NOON.plusMillis(1), "v1")
                .actionId())
        .isNotEqualTo(once.actionId());
    assertThat(UserAction.manual("other", ActionType.BLOCK_ACCOUNT, "alice", "a", NOON, "v1"))
        .extracting(UserAction::actionId)
        .isNotEqualTo(once.actionId());
  }
}
