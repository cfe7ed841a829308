package io.streamsentinel.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The kinds of card holder in the held-out {@link World#FJORD} world, each with its own amount
 * scale (in kroner), spread, activity, daily rhythm, online habit and category mix (the shapes of
 * {@link CardHolderSegment}).
 *
 * <p>Category weights follow {@link MerchantCategory} declaration order: grocery, restaurants,
 * fuel, electronics, jewelry, gift cards, travel, fashion, pharmacy, entertainment, online
 * services, ATM cash.
 */
enum FjordSegment implements CardHolderSegment {
  /** Small amounts, late mornings and late nights, much online and entertainment, phone wallets. */
  STUDENT(
      20,
      new Spend(140, 0.5, 0.4, 0.8),
      new Rhythm(3.5, 0.5, 9, 12, 23, 25),
      new Habits(0.2, 0.5, 3, 7, 2),
      new int[] {26, 30, 0, 4, 0, 2, 3, 8, 4, 10, 10, 2}),
  /** Few purchases in the daytime, groceries and pharmacy in person, seldom online. */
  PENSIONER(
      20,
      new Spend(320, 0.4, 0.2, 0.5),
      new Rhythm(1.8, 0.4, 7, 9, 17, 21),
      new Habits(0.0, 0.05, 2, 5, 1),
      new int[] {45, 10, 6, 1, 1, 0, 4, 5, 20, 3, 1, 4}),
  /** Early risers with large weekly grocery shops and much fuel, a few purchases a day. */
  RURAL_HOUSEHOLD(
      25,
      new Spend(700, 0.5, 0.3, 0.6),
      new Rhythm(2.2, 0.5, 6, 8, 20, 23),
      new Habits(0.05, 0.2, 3, 6, 2),
      new int[] {40, 5, 25, 3, 0, 1, 2, 6, 8, 3, 6, 1}),
  /** Frequent restaurant, travel and fashion purchases from early morning, almost never cash. */
  URBAN_PROFESSIONAL(
      35,
      new Spend(420, 0.6, 0.4, 0.8),
      new Rhythm(4.5, 0.5, 6, 8, 21, 24),
      new Habits(0.1, 0.35, 4, 9, 3),
      new int[] {24, 30, 3, 4, 1, 1, 7, 10, 6, 7, 7, 0});

  private static final FjordSegment[] VALUES = values();
  private static final int TOTAL_SHARE = Arrays.stream(VALUES).mapToInt(s -> s.share).sum();

  private final int share;
  private final Traits traits;

  FjordSegment(int share, Spend spend, Rhythm rhythm, Habits habits, int[] categoryWeights) {
    this.share = share;
    this.traits = new Traits(spend, rhythm, habits, categoryWeights);
  }

  @Override
  public Traits traits() {
    return traits;
  }

  /** A segment, in proportion to its share of the population. */
  static FjordSegment draw(SplittableRandom rng) {
    int ticket = rng.nextInt(TOTAL_SHARE);
    for (FjordSegment segment : VALUES) {
      ticket -= segment.share;
      if (ticket < 0) {
        return segment;
      }
    }
    throw new AssertionError("shares do not add up");
  }
}
