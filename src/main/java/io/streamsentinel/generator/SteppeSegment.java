package io.streamsentinel.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The kinds of card holder in the held-out {@link World#STEPPE} world, each with its own amount
 * scale (in tenge), rhythm, online habit (the shapes of {@link CardHolderSegment}), where in the
 * country it lives, loyalty to one shop, paydays and ways of its own.
 *
 * <p>Category weights follow {@link MerchantCategory} declaration order: grocery, restaurants,
 * fuel, electronics, jewelry, gift cards, travel, fashion, pharmacy, entertainment, online
 * services, ATM cash. City weights follow {@link SteppeCities#all()}: Almaty, Astana, Shymkent,
 * Aktobe, Karaganda, Taraz, Pavlodar, Oskemen, Semey, Atyrau, Kostanay, Kyzylorda.
 */
enum SteppeSegment implements CardHolderSegment {
  /**
   * Office workers and civil servants in the two big cities: lunches, taxis and deliveries, much
   * paid by phone at the till and online, the salary in two parts (an advance on the 20th, the rest
   * on the 5th), and now and then a weekend at the lakes nearest home.
   */
  OFFICE_WORKER(
      32,
      new Spend(4_500, 0.5, 0.4, 0.75),
      new Rhythm(3.5, 0.5, 7, 9, 21, 24),
      new Habits(0.25, 0.6, 4, 9, 2),
      0.25,
      new Income(5, 20, 2.0, 0.15),
      new Ways(0.6, 0.12, false, 0.02, 1),
      new int[] {24, 22, 6, 5, 1, 2, 9, 9, 5, 7, 8, 2},
      new int[] {14, 12, 3, 1, 2, 0, 1, 1, 0, 2, 1, 0}),
  /**
   * Oil and mining workers on a rotation ("vakhta"): two weeks at a field town in the west, where
   * they pay little and only for food, then two weeks at home, where they spend their large wages:
   * fuel, cash and the big shop once the monthly pay has come on the 10th.
   */
  ROTATION_WORKER(
      18,
      new Spend(6_000, 0.5, 0.5, 0.9),
      new Rhythm(2.5, 0.5, 6, 8, 20, 23),
      new Habits(0.05, 0.25, 3, 6, 1),
      0.4,
      new Income(10, 0, 3.0, 0.35),
      new Ways(0.35, 0, true, 0.03, 1),
      new int[] {30, 14, 16, 4, 1, 1, 4, 5, 4, 4, 4, 13},
      new int[] {1, 1, 4, 3, 2, 1, 1, 1, 1, 4, 1, 3}),
  /**
   * Large families of the south: groceries and children's things, the week's big shop at the bazaar
   * on the weekend, cash, and the family celebrations (toi) of relatives and neighbours, where
   * guests bring money in an envelope and a gift.
   */
  LARGE_FAMILY(
      28,
      new Spend(3_500, 0.5, 0.5, 0.9),
      new Rhythm(3.0, 0.5, 7, 9, 20, 23),
      new Habits(0.05, 0.3, 3, 6, 2),
      0.5,
      new Income(5, 0, 2.0, 0.25),
      new Ways(0.4, 0, false, 0.08, 2.5),
      new int[] {42, 8, 8, 3, 1, 1, 2, 8, 7, 2, 4, 14},
      new int[] {4, 0, 10, 1, 1, 5, 0, 0, 0, 1, 0, 4}),
  /**
   * Pensioners of the industrial north and east: small purchases in the daytime at the same few
   * shops, the pharmacy, cash on the day the pension comes (the 3rd), hardly online.
   */
  PENSIONER(
      22,
      new Spend(2_200, 0.4, 0.3, 0.6),
      new Rhythm(1.5, 0.5, 7, 9, 18, 21),
      new Habits(0.0, 0.05, 2, 4, 1),
      0.6,
      new Income(3, 0, 2.5, 0.45),
      new Ways(0.1, 0, false, 0.03, 1),
      new int[] {40, 3, 2, 1, 0, 0, 1, 3, 22, 1, 2, 25},
      new int[] {3, 2, 1, 2, 4, 1, 4, 4, 4, 0, 3, 0});

  /**
   * How money arrives.
   *
   * @param payDay the day of the month pay arrives; on that day and the next
   * @param advanceDay the day of the month an advance on the pay arrives, or 0 for none
   * @param payBoost a grocery purchase or withdrawal on those days is this many times the usual
   * @param payCashShare on those days, the chance that a purchase is a cash withdrawal
   */
  record Income(int payDay, int advanceDay, double payBoost, double payCashShare) {}

  /**
   * The segment's ways.
   *
   * @param phonePayShare chance that a payment at a till is made with the phone (a QR code or the
   *     phone's wallet), which then carries the phone as its device
   * @param getawayShare chance that a given week has a weekend at the lakes nearest home
   * @param rotation whether the user works two weeks on at a field town, two weeks off at home
   * @param toiShare chance that a given weekend has a family celebration to go to
   * @param bazaarFactor on Saturdays and Sundays a grocery purchase is this many times the usual
   *     (the week's big shop at the bazaar); 1 for none
   */
  record Ways(
      double phonePayShare,
      double getawayShare,
      boolean rotation,
      double toiShare,
      double bazaarFactor) {}

  private static final SteppeSegment[] VALUES = values();
  private static final int[] SHARES = Arrays.stream(VALUES).mapToInt(s -> s.share).toArray();

  private final int share;
  private final Traits traits;
  private final double loyalty;
  private final Income income;
  private final Ways ways;
  private final int[] cityWeights;

  /**
   * @param loyalty chance that a purchase at a favourite is at the first favourite; the rest are
   *     spread evenly over all favourites
   */
  SteppeSegment(
      int share,
      Spend spend,
      Rhythm rhythm,
      Habits habits,
      double loyalty,
      Income income,
      Ways ways,
      int[] categoryWeights,
      int[] cityWeights) {
    if (cityWeights.length != SteppeCities.all().size()) {
      throw new IllegalArgumentException(name() + ": one weight per city");
    }
    this.share = share;
    this.traits = new Traits(spend, rhythm, habits, categoryWeights);
    this.loyalty = loyalty;
    this.income = income;
    this.ways = ways;
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

  Ways ways() {
    return ways;
  }

  /** A home city for a user of this segment, in proportion to where the segment lives. */
  City drawHome(SplittableRandom rng) {
    return SteppeCities.draw(cityWeights, rng);
  }

  /** A segment, in proportion to its share of the population. */
  static SteppeSegment draw(SplittableRandom rng) {
    return VALUES[WeightedDraw.index(SHARES, rng)];
  }
}
