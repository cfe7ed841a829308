package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Distinct merchants per user, and the variation that spreads merchants over branches. */
class MerchantsPerUserTest {

  private static Transaction tx(String user, String merchant) {
    return Transaction.builder()
        .transactionId("tx_1")
        .userId(user)
        .amount(new BigDecimal("12.50"))
        .timestamp(Instant.parse("2026-01-01T00:00:00Z"))
        .merchant(merchant)
        .currency("EUR")
        .country("FR")
        .city("Lyon")
        .channel(Channel.CARD_PRESENT)
        .build();
  }

  @Test
  void shouldSummariseDistinctMerchantsPerUserByNearestRank() {
    MerchantsPerUser tally = new MerchantsPerUser();
    // user i (1..10) visits merchants m1..mi, m1 twice.
    for (int user = 1; user <= 10; user++) {
      tally.accept(tx("u" + user, "m1"));
      for (int m = 1; m <= user; m++) {
        tally.accept(tx("u" + user, "m" + m));
      }
    }

    MerchantsPerUser.Summary summary = tally.summary(8);

    assertThat(summary.users()).isEqualTo(10);
    assertThat(summary.median()).isEqualTo(5);
    assertThat(summary.p90()).isEqualTo(9);
    assertThat(summary.max()).isEqualTo(10);
    assertThat(summary.overCapacity()).isEqualTo(2);
    assertThat(summary.line()).contains("median 5, p90 9, max 10").contains("20.0 %");
  }

  @Test
  void shouldSpreadAMerchantOverItsBranchesReproduciblyAndChangeNothingElse() {
    Transaction original = tx("u1", "Corner Bakery");
    MerchantBranches branches = new MerchantBranches(4, 7);
    MerchantBranches again = new MerchantBranches(4, 7);
    MerchantsPerUser tally = new MerchantsPerUser();

    for (int i = 0; i < 200; i++) {
      Transaction spread = branches.apply(original);
      assertThat(spread.merchant()).matches("Corner Bakery #[1-4]");
      assertThat(again.apply(original).merchant()).isEqualTo(spread.merchant());
      assertThat(spread).isEqualTo(tx("u1", spread.merchant()));
      tally.accept(spread);
    }

    assertThat(tally.summary(32).max()).isEqualTo(4);
    assertThat(new MerchantBranches(1, 7).apply(original)).isSameAs(original);
  }
}
