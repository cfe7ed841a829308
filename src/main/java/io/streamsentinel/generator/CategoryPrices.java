package io.streamsentinel.generator;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

/**
 * Everyday prices as the segmented worlds (fjord, mesa, savanna, steppe) draw them: log-normal
 * around the user's typical purchase times a factor of the category, with the user's own spread,
 * clipped to the world's bounds; cash comes in whole notes.
 */
final class CategoryPrices {

  private final double[] factors;
  private final double min;
  private final double max;
  private final double atmNote;
  private final int minNotes;
  private final DoubleFunction<BigDecimal> money;

  /**
   * @param factors median price in a category relative to the typical purchase, in {@link
   *     MerchantCategory} order
   * @param min smallest amount
   * @param max largest amount
   * @param atmNote the note ATMs pay out; a withdrawal is a whole number of them
   * @param minNotes fewest notes in a withdrawal
   * @param money how other amounts are rounded: to the cent, or to whole units
   */
  CategoryPrices(
      double[] factors,
      double min,
      double max,
      double atmNote,
      int minNotes,
      DoubleFunction<BigDecimal> money) {
    if (factors.length != MerchantCategory.values().length) {
      throw new IllegalArgumentException("one factor per category");
    }
    this.factors = factors.clone();
    this.min = min;
    this.max = max;
    this.atmNote = atmNote;
    this.minNotes = minNotes;
    this.money = money;
  }

  /**
   * A price of the category for the user, its median raised {@code boost} times (1 for none: a big
   * shop, a payday); one Gaussian draw.
   */
  BigDecimal price(UserState user, MerchantCategory category, double boost, SplittableRandom rng) {
    double median = user.typical * factors[category.ordinal()] * boost;
    double amount = median * Math.exp(user.user.amountSpread() * rng.nextGaussian());
    amount = Math.min(max, Math.max(min, amount));
    if (category == MerchantCategory.ATM_CASH) {
      long notes = Math.max(minNotes, Math.round(amount / atmNote));
      return Amounts.wholeUnits(notes * atmNote);
    }
    return money.apply(amount);
  }
}
