package io.streamsentinel.generator;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * What a merchant sells, with how ordinary spending is spread over categories.
 *
 * <p>The weights and amount factors shape normal behaviour only; fraud patterns pick their own
 * categories, so a detector has to learn from behaviour, not from a category the generator favours.
 */
public enum MerchantCategory {
  GROCERY(20, 1.0, true),
  RESTAURANTS(18, 0.6, true),
  FUEL(10, 0.8, false),
  ELECTRONICS(3, 2.5, true),
  JEWELRY(1, 3.0, true),
  GIFT_CARDS(1, 1.0, true),
  TRAVEL(3, 3.0, true),
  FASHION(8, 1.3, true),
  PHARMACY(7, 0.5, true),
  ENTERTAINMENT(8, 0.4, true),
  ONLINE_SERVICES(14, 0.7, true),
  ATM_CASH(7, 1.5, false);

  // values() clones on every call; this copy is private and never written.
  private static final MerchantCategory[] VALUES = values();
  private static final int TOTAL_EVERYDAY_WEIGHT =
      java.util.Arrays.stream(VALUES).mapToInt(c -> c.everydayWeight).sum();

  private final int everydayWeight;
  private final double amountFactor;
  private final boolean sellsOnline;
  private final String wireName;

  MerchantCategory(int everydayWeight, double amountFactor, boolean sellsOnline) {
    this.everydayWeight = everydayWeight;
    this.amountFactor = amountFactor;
    this.sellsOnline = sellsOnline;
    this.wireName = name().toLowerCase(Locale.ROOT);
  }

  /** The snake_case wire name, e.g. {@code gift_cards}. */
  public String wireName() {
    return wireName;
  }

  /** Relative share of everyday (non-fraud) purchases in this category. */
  public int everydayWeight() {
    return everydayWeight;
  }

  /** How much a usual purchase here costs relative to the user's typical amount. */
  public double amountFactor() {
    return amountFactor;
  }

  /** Whether a shop of this kind also takes orders online (a petrol pump or an ATM does not). */
  public boolean sellsOnline() {
    return sellsOnline;
  }

  /** Draws a category in proportion to {@link #everydayWeight()}. */
  static MerchantCategory drawEveryday(RandomGenerator rng) {
    int ticket = rng.nextInt(TOTAL_EVERYDAY_WEIGHT);
    for (MerchantCategory category : VALUES) {
      ticket -= category.everydayWeight;
      if (ticket < 0) {
        return category;
      }
    }
    throw new AssertionError("weights do not add up");
  }
}
