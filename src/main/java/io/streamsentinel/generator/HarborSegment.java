package io.streamsentinel.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The kinds of card holder in the held-out {@link World#HARBOR} world. Each has its own amount
 * scale (in yen), spread, activity, daily rhythm, online habit and category mix, so the world's
 * spending is a mixture rather than the default world's single log-normal population. Everyone has
 * one to three devices.
 *
 * <p>Category weights follow {@link MerchantCategory} declaration order: grocery, restaurants,
 * fuel, electronics, jewelry, gift cards, travel, fashion, pharmacy, entertainment, online
 * services, ATM cash.
 */
enum HarborSegment implements CardHolderSegment {
  /** Many small convenience-store, café and rail payments, mostly in person, up early and late. */
  COMMUTER(
      40,
      new Spend(1_800, 0.5, 0.3, 0.6),
      new Rhythm(5.0, 0.4, 7, 10, 22, 25),
      new Habits(0.0, 0.1, 2, 6, 3),
      new int[] {25, 30, 1, 1, 0, 1, 8, 4, 10, 6, 3, 8}),
  /** Fewer, larger grocery and household shops during the day, cash from ATMs. */
  FAMILY(
      30,
      new Spend(6_000, 0.5, 0.4, 0.8),
      new Rhythm(2.5, 0.5, 9, 12, 20, 23),
      new Habits(0.02, 0.15, 3, 7, 3),
      new int[] {40, 10, 10, 2, 0, 1, 3, 8, 10, 4, 4, 10}),
  /** Shops online late into the evening, heavy-tailed amounts, many merchants. */
  NIGHT_OWL(
      20,
      new Spend(4_000, 0.7, 0.6, 1.0),
      new Rhythm(3.0, 0.6, 12, 15, 24, 25),
      new Habits(0.3, 0.7, 4, 10, 3),
      new int[] {10, 12, 1, 8, 1, 5, 2, 10, 3, 15, 30, 3}),
  /** High amounts at restaurants, travel and fashion; rarely withdraws cash. */
  AFFLUENT(
      10,
      new Spend(20_000, 0.6, 0.5, 0.9),
      new Rhythm(3.0, 0.5, 8, 11, 21, 24),
      new Habits(0.05, 0.3, 4, 9, 3),
      new int[] {15, 25, 5, 5, 4, 1, 15, 15, 3, 5, 5, 2});

  private static final HarborSegment[] VALUES = values();
  private static final int TOTAL_SHARE = Arrays.stream(VALUES).mapToInt(s -> s.share).sum();
  private static final MerchantCategory[] CATEGORIES = MerchantCategory.values();

  private final int share;
  private final Traits traits;

  HarborSegment(int share, Spend spend, Rhythm rhythm, Habits habits, int[] categoryWeights) {
    this.share = share;
    this.traits = new Traits(spend, rhythm, habits, categoryWeights);
  }

  @Override
  public Traits traits() {
    return traits;
  }

  /** A segment, in proportion to its share of the population. */
  static HarborSegment draw(SplittableRandom rng) {
    int ticket = rng.nextInt(TOTAL_SHARE);
    for (HarborSegment segment : VALUES) {
      ticket -= segment.share;
      if (ticket < 0) {
        return segment;
      }
    }
    throw new AssertionError("shares do not add up");
  }

  /** A category drawn in proportion to {@code weights}, indexed by category ordinal. */
  static MerchantCategory draw(int[] weights, SplittableRandom rng) {
    return CATEGORIES[WeightedDraw.index(weights, rng)];
  }
}
