package io.streamsentinel.bench;

import io.streamsentinel.domain.Transaction;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Spreads each transaction's merchant over {@code branches} branches of it ({@code "Corner Bakery
 * #3"}), the branch drawn from a seeded random stream. Users of the default world return to a
 * handful of favourites: over 80 transactions each, about 12 distinct merchants, far below the 32 a
 * profile remembers, so a profile's merchant memory never fills. Card networks do carry the branch
 * in the merchant name, and with branches users visit many merchants. A benchmark's variation of
 * the simulated stream only (see {@code bench detect --cold}); the generator's worlds are
 * unchanged. Not thread-safe.
 */
public final class MerchantBranches implements UnaryOperator<Transaction> {

  private final int branches;
  private final SplittableRandom rng;

  /**
   * @param branches branches per merchant, at least 1; 1 leaves every transaction unchanged
   * @param seed seeds the choice of branch
   */
  public MerchantBranches(int branches, long seed) {
    if (branches < 1) {
      throw new IllegalArgumentException("branches must be at least 1 but was " + branches);
    }
    this.branches = branches;
    this.rng = new SplittableRandom(seed);
  }

  @Override
  public Transaction apply(Transaction tx) {
    if (branches == 1 || tx.merchant() == null) {
      return tx;
    }
    return new Transaction(
        tx.eventType(),
        tx.transactionId(),
        tx.userId(),
        tx.amount(),
        tx.timestamp(),
        tx.merchant() + " #" + (1 + rng.nextInt(branches)),
        tx.currency(),
        tx.merchantCategory(),
        tx.country(),
        tx.city(),
        tx.latitude(),
        tx.longitude(),
        tx.channel(),
        tx.deviceId(),
        tx.cardLast4(),
        tx.isFraud(),
        tx.fraudPattern());
  }
}
