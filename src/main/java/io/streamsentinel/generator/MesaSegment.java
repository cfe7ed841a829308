package io.streamsentinel.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The kinds of card holder in the held-out {@link World#MESA} world, each with its own amount scale
 * (in colones), rhythm, online habit (the shapes of {@link CardHolderSegment}), loyalty to one
 * shop, trips and pay cycle.
 *
 * <p>Category weights follow {@link MerchantCategory} declaration order: grocery, restaurants,
 * fuel, electronics, jewelry, gift cards, travel, fashion, pharmacy, entertainment, online
 * services, ATM cash.
 */
enum MesaSegment implements CardHolderSegment {
  /**
   * Call-centre and hospital shift workers: small amounts from midday to midnight, food delivery,
   * rides and streaming, two devices, paid every fortnight.
   */
  SHIFT_WORKER(
      25,
      new Spend(6_000, 0.5, 0.4, 0.7),
      new Rhythm(3.5, 0.5, 11, 15, 23, 25),
      new Habits(0.25, 0.55, 3, 7, 2),
      0.25,
      new Reach(0.03, 0.05, true),
      new int[] {18, 30, 2, 4, 0, 3, 8, 8, 4, 12, 8, 3}),
  /**
   * Owners of corner shops and market stalls: up before dawn, large wholesale grocery buys and fuel
   * for the van, much cash, hardly online, very loyal to their wholesaler.
   */
  SHOPKEEPER(
      20,
      new Spend(15_000, 0.6, 0.6, 1.0),
      new Rhythm(2.8, 0.5, 5, 7, 18, 21),
      new Habits(0.0, 0.08, 2, 5, 1),
      0.6,
      new Reach(0.01, 0.0, false),
      new int[] {45, 6, 18, 3, 0, 0, 1, 3, 6, 1, 2, 15}),
  /**
   * Expatriates, remote workers and retirees from abroad: higher amounts, restaurants and travel,
   * frequent weekend trips to the coast, online shopping at foreign web shops, many merchants.
   */
  EXPATRIATE(
      15,
      new Spend(20_000, 0.6, 0.4, 0.8),
      new Rhythm(3.0, 0.5, 7, 10, 20, 23),
      new Habits(0.3, 0.6, 5, 10, 3),
      0.15,
      new Reach(0.35, 0.3, false),
      new int[] {20, 26, 6, 5, 1, 1, 14, 6, 4, 7, 9, 1}),
  /**
   * Salaried households paid on the 15th and at the month's end: early risers, groceries, pharmacy
   * and school clothes, cash drawn and the big shop done on paydays.
   */
  FORTNIGHTLY_HOUSEHOLD(
      40,
      new Spend(9_000, 0.5, 0.3, 0.6),
      new Rhythm(2.0, 0.5, 5, 7, 20, 23),
      new Habits(0.03, 0.15, 3, 6, 2),
      0.45,
      new Reach(0.06, 0.02, true),
      new int[] {38, 10, 10, 2, 0, 1, 2, 8, 10, 3, 2, 14});

  /**
   * How far the segment's spending reaches.
   *
   * @param tripShare chance that a given week has a long weekend away on the coast
   * @param foreignOnlineShare share of online purchases made at web shops abroad
   * @param paidFortnightly whether pay arrives on the 15th and the last day of the month
   */
  record Reach(double tripShare, double foreignOnlineShare, boolean paidFortnightly) {}

  private static final MesaSegment[] VALUES = values();
  private static final int[] SHARES = Arrays.stream(VALUES).mapToInt(s -> s.share).toArray();

  private final int share;
  private final Traits traits;
  private final double loyalty;
  private final Reach reach;

  /**
   * @param loyalty chance that a purchase at a favourite is at the first favourite; the rest are
   *     spread evenly over all favourites
   */
  MesaSegment(
      int share,
      Spend spend,
      Rhythm rhythm,
      Habits habits,
      double loyalty,
      Reach reach,
      int[] categoryWeights) {
    this.share = share;
    this.traits = new Traits(spend, rhythm, habits, categoryWeights);
    this.loyalty = loyalty;
    this.reach = reach;
  }

  @Override
  public Traits traits() {
    return traits;
  }

  /** Chance that a purchase at a favourite is at the first favourite. */
  double loyalty() {
    return loyalty;
  }

  Reach reach() {
    return reach;
  }

  /** A segment, in proportion to its share of the population. */
  static MesaSegment draw(SplittableRandom rng) {
    return VALUES[WeightedDraw.index(SHARES, rng)];
  }
}
