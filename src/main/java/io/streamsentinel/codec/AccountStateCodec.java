package io.streamsentinel.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import java.time.Instant;

/**
 * The wire format of {@code account-status}: {@code
 * {"user_id":..,"status":"BLOCKED","reason":..,"updated_at":.., "expires_at":..}}, in that order.
 * Null fields are left out.
 */
public final class AccountStateCodec {

  private static final String EVENT = "account status";

  private AccountStateCodec() {}

  public static byte[] encode(AccountState s) {
    return EventJson.write(Wire.of(s));
  }

  /**
   * @throws IllegalArgumentException naming the problem when the bytes are not an account state
   */
  public static AccountState decode(byte[] bytes) {
    return EventJson.read(bytes, Wire.class, EVENT).toAccountState();
  }

  /**
   * An account state as written; the component order is the field order. The text fields take any
   * JSON scalar as its text, as this format always has (a numbered user id stays readable).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Wire(
      @JsonDeserialize(using = EventJson.ScalarText.class) String userId,
      @JsonDeserialize(using = EventJson.ScalarText.class) String status,
      @JsonDeserialize(using = EventJson.ScalarText.class) String reason,
      Instant updatedAt,
      Instant expiresAt) {

    static Wire of(AccountState s) {
      return new Wire(s.userId(), s.status().wireName(), s.reason(), s.updatedAt(), s.expiresAt());
    }

    AccountState toAccountState() {
      if (userId == null || status == null) {
        throw new IllegalArgumentException(EVENT + " needs user_id and status");
      }
      return new AccountState(userId, AccountStatus.fromWire(status), reason, updatedAt, expiresAt);
    }
  }
}
