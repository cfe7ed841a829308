package io.streamsentinel.detection;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test vocabulary: transactions of {@link #USER} at home in Berlin, at a grocer, on their phone,
 * unless a test says otherwise: {@code Tx.at(MONDAY_NOON).amount("12.50").merchant("m2").build()}.
 */
final class Tx {

  static final String USER = "user_001";
  static final String HOME_COUNTRY = "DE";
  static final double BERLIN_LAT = 52.52;
  static final double BERLIN_LON = 13.405;
  static final double PARIS_LAT = 48.8566;
  static final double PARIS_LON = 2.3522;
  static final double NEW_YORK_LAT = 40.7128;
  static final double NEW_YORK_LON = -74.006;

  private static final AtomicLong IDS = new AtomicLong();

  private Tx() {}

  /** A builder preset with the defaults above at the given time. */
  static Transaction.Builder at(Instant time) {
    return Transaction.builder()
        .transactionId("tx_" + IDS.incrementAndGet())
        .userId(USER)
        .amount(new BigDecimal("25.00"))
        .timestamp(time)
        .merchant("grocer")
        .merchantCategory("grocery")
        .country(HOME_COUNTRY)
        .city("Berlin")
        .latitude(BERLIN_LAT)
        .longitude(BERLIN_LON)
        .channel(Channel.CARD_PRESENT)
        .deviceId("phone")
        .isFraud(false);
  }

  /** The same at the given time with the given amount. */
  static Transaction.Builder at(Instant time, String amount) {
    return at(time).amount(new BigDecimal(amount));
  }

  /** The profile of {@link #USER} after these transactions, in the given order. */
  static UserProfile profileAfter(List<Transaction> history) {
    UserProfile profile = UserProfile.empty(USER);
    for (Transaction tx : history) {
      profile = profile.with(tx);
    }
    return profile;
  }
}
