package io.streamsentinel.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The kinds of card holder in the held-out {@link World#SAVANNA} world, each with its own amount
 * scale (in shillings), rhythm, online habit (the shapes of {@link CardHolderSegment}), where in
 * the country it lives, loyalty to one shop, how its money arrives and how far it reaches.
 *
 * <p>Category weights follow {@link MerchantCategory} declaration order: grocery, restaurants,
 * fuel, electronics, jewelry, gift cards, travel, fashion, pharmacy, entertainment, online
 * services, ATM cash. City weights follow {@link SavannaCities#all()}: Nairobi, Mombasa, Kisumu,
 * Nakuru, Eldoret, Thika, Machakos, Nyeri, Meru, Kitale, Malindi, Kakamega.
 */
enum SavannaSegment implements CardHolderSegment {
  /**
   * Market traders and shop owners: up before dawn, many payments a day, a wholesale restock now
   * and then at several times the usual, much cash, hardly online, very loyal to their supplier.
   */
  MARKET_TRADER(
      25,
      new Spend(1_400, 0.6, 0.6, 1.0),
      new Rhythm(4.5, 0.5, 5, 7, 19, 22),
      new Habits(0.0, 0.06, 2, 4, 1),
      0.7,
      new Income(PayCycle.NONE, 1, 0, 0.12, 6),
      new Reach(0, 0),
      new int[] {45, 8, 10, 2, 0, 0, 2, 5, 5, 1, 1, 21},
      new int[] {8, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1}),
  /**
   * Salaried office workers, paid at the month's end: fuel, lunches, some online shopping, cash and
   * a big shop on payday, and now and then a weekend upcountry at the family home.
   */
  SALARIED_WORKER(
      30,
      new Spend(2_200, 0.5, 0.4, 0.7),
      new Rhythm(3.5, 0.5, 6, 8, 21, 24),
      new Habits(0.15, 0.4, 4, 8, 2),
      0.3,
      new Income(PayCycle.MONTH_END, 2.5, 0.25, 0, 1),
      new Reach(0.12, 0),
      new int[] {24, 22, 12, 4, 1, 1, 5, 8, 5, 6, 8, 4},
      new int[] {12, 4, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0}),
  /**
   * Smallholder farmers paid by their cooperative once a month: few, small purchases in the
   * daytime, then cash and farm inputs on payout days; in person only.
   */
  FARMER(
      20,
      new Spend(900, 0.5, 0.3, 0.6),
      new Rhythm(1.5, 0.5, 6, 7, 18, 20),
      new Habits(0.0, 0.04, 2, 4, 1),
      0.6,
      new Income(PayCycle.COOPERATIVE, 4, 0.45, 0, 1),
      new Reach(0, 0),
      new int[] {40, 4, 12, 3, 0, 0, 2, 6, 8, 1, 1, 23},
      new int[] {0, 0, 1, 3, 3, 0, 2, 3, 3, 4, 1, 3}),
  /**
   * University students: tiny amounts, late nights, food, airtime and streaming, much online from
   * two phones, an allowance at the start of the month.
   */
  STUDENT(
      15,
      new Spend(350, 0.5, 0.4, 0.8),
      new Rhythm(4.0, 0.5, 9, 12, 23, 25),
      new Habits(0.3, 0.65, 3, 7, 2),
      0.2,
      new Income(PayCycle.MONTH_START, 1.5, 0.15, 0, 1),
      new Reach(0, 0),
      new int[] {15, 30, 0, 3, 0, 5, 3, 7, 3, 16, 14, 4},
      new int[] {6, 1, 2, 2, 3, 2, 1, 2, 1, 0, 0, 1}),
  /**
   * Households funded by a relative abroad: larger amounts, cash and school things once the monthly
   * remittance has come, and some online orders paid by the relative from abroad with the
   * relative's own phone (the household's last device).
   */
  DIASPORA_FUNDED(
      10,
      new Spend(3_500, 0.6, 0.4, 0.8),
      new Rhythm(2.5, 0.5, 7, 9, 20, 23),
      new Habits(0.1, 0.35, 3, 7, 3),
      0.35,
      new Income(PayCycle.REMITTANCE, 3, 0.4, 0, 1),
      new Reach(0.05, 0.35),
      new int[] {30, 12, 6, 5, 1, 1, 6, 8, 10, 5, 6, 10},
      new int[] {5, 1, 3, 1, 2, 1, 1, 2, 1, 1, 0, 2});

  /** When a segment's money arrives; see {@link SavannaSpending} for the days. */
  enum PayCycle {
    /** Earned every day (traders): no payday. */
    NONE,
    /** Salary on the 25th. */
    MONTH_END,
    /** An allowance on the 1st. */
    MONTH_START,
    /** The cooperative's monthly payout, on a day of the month of the home town's own. */
    COOPERATIVE,
    /** A remittance from abroad, on a day of the month of the household's own. */
    REMITTANCE
  }

  /**
   * How money arrives and is spent.
   *
   * @param cycle when pay arrives; on that day and the next
   * @param payBoost a grocery purchase or withdrawal on those days is this many times the usual
   * @param payCashShare on those days, the chance that a purchase is a cash withdrawal
   * @param restockShare on other days, the chance that a grocery purchase is a wholesale restock
   * @param restockFactor a restock is this many times the usual
   */
  record Income(
      PayCycle cycle,
      double payBoost,
      double payCashShare,
      double restockShare,
      double restockFactor) {}

  /**
   * How far the segment's spending reaches.
   *
   * @param tripShare chance that a given week has a weekend upcountry
   * @param relativeAbroadShare share of online purchases made by a relative abroad, where the
   *     household has a device of the relative's
   */
  record Reach(double tripShare, double relativeAbroadShare) {}

  private static final SavannaSegment[] VALUES = values();
  private static final int[] SHARES = Arrays.stream(VALUES).mapToInt(s -> s.share).toArray();

  private final int share;
  private final Traits traits;
  private final double loyalty;
  private final Income income;
  private final Reach reach;
  private final int[] cityWeights;

  /**
   * @param loyalty chance that a purchase at a favourite is at the first favourite; the rest are
   *     spread evenly over all favourites
   */
  SavannaSegment(
      int share,
      Spend spend,
      Rhythm rhythm,
      Habits habits,
      double loyalty,
      Income income,
      Reach reach,
      int[] categoryWeights,
      int[] cityWeights) {
    if (cityWeights.length != SavannaCities.all().size()) {
      throw new IllegalArgumentException(name() + ": one weight per city");
    }
    this.share = share;
    this.traits = new Traits(spend, rhythm, habits, categoryWeights);
    this.loyalty = loyalty;
    this.income = income;
    this.reach = reach;
    this.cityWeights = cityWeights;
  }

  @Override
  public Traits traits() {
    return traits;
  }

  /** Chance that a purchase at a favourite is at the first favourite. */
  double loyalty() {
    return loyalty;
  }

  Income income() {
    return income;
  }

  Reach reach() {
    return reach;
  }

  /** A home city for a user of this segment, in proportion to where the segment lives. */
  City drawHome(SplittableRandom rng) {
    return SavannaCities.draw(cityWeights, rng);
  }

  /** A segment, in proportion to its share of the population. */
  static SavannaSegment draw(SplittableRandom rng) {
    return VALUES[WeightedDraw.index(SHARES, rng)];
  }
}
