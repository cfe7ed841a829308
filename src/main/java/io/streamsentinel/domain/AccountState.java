package io.streamsentinel.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of {@code account-status} (compacted, key {@code user_id}): a user's current status.
 *
 * @param userId never null
 * @param status never null
 * @param reason why it was set; may be null
 * @param updatedAt when it was set; may be null
 * @param expiresAt when a {@link AccountStatus#STEP_UP_REQUIRED} lapses back to active; null for
 *     never
 */
public record AccountState(
    String userId, AccountStatus status, String reason, Instant updatedAt, Instant expiresAt) {

  public AccountState {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(status, "status");
  }

  /** The status in force at {@code time}: an expired step-up counts as active again. */
  public AccountStatus statusAt(Instant time) {
    if (expiresAt != null && !time.isBefore(expiresAt)) {
      return AccountStatus.ACTIVE;
    }
    return status;
  }
}
