package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * A kind of card holder in a segmented world (harbor, fjord, mesa, savanna, steppe): what {@link
 * SegmentedPopulation} draws each of its users' amount scale, rhythm and habits from. Each world's
 * segment enum holds its {@link Traits} and adds what only its own spending and fraud need.
 */
interface CardHolderSegment {

  /** What every segmented world's segments have. */
  Traits traits();

  /** The segment's amounts, in the world's currency. */
  default Spend spend() {
    return traits().spend();
  }

  /** The segment's activity and daily rhythm. */
  default Rhythm rhythm() {
    return traits().rhythm();
  }

  /** The segment's shopping habits. */
  default Habits habits() {
    return traits().habits();
  }

  /** A category this segment shops in, in proportion to its weights. */
  default MerchantCategory drawCategory(SplittableRandom rng) {
    return HarborSegment.draw(traits().categoryWeights(), rng);
  }

  /**
   * What every segmented world's segments have.
   *
   * @param categoryWeights relative share of purchases per category, in {@link MerchantCategory}
   *     declaration order; never written after construction
   */
  record Traits(Spend spend, Rhythm rhythm, Habits habits, int[] categoryWeights) {

    public Traits {
      if (categoryWeights.length != MerchantCategory.values().length) {
        throw new IllegalArgumentException("one weight per category");
      }
      categoryWeights = categoryWeights.clone();
    }
  }

  /**
   * Amounts, in the world's currency.
   *
   * @param typicalMedian median over the segment of the users' typical purchase
   * @param typicalSigma log-normal sigma of the typical purchase across users
   * @param spreadMin smallest per-user sigma of the log of everyday amounts
   * @param spreadMax largest (exclusive)
   */
  record Spend(double typicalMedian, double typicalSigma, double spreadMin, double spreadMax) {}

  /**
   * Activity and daily rhythm, in local hours.
   *
   * @param rateMedian median transactions per day
   * @param rateSigma log-normal sigma of the daily rate across users
   * @param startMin earliest first active hour
   * @param startMax latest (exclusive)
   * @param endMin earliest end of the active hours
   * @param endMax latest (exclusive); at most 25 so that the end is at most midnight
   */
  record Rhythm(
      double rateMedian, double rateSigma, int startMin, int startMax, int endMin, int endMax) {}

  /**
   * Shopping habits.
   *
   * @param onlineMin smallest chance of paying online at a shop that also sells online
   * @param onlineMax largest (exclusive)
   * @param favouritesMin fewest favourite merchants
   * @param favouritesMax most (exclusive)
   * @param devicesMax most own devices (at least one)
   */
  record Habits(
      double onlineMin, double onlineMax, int favouritesMin, int favouritesMax, int devicesMax) {}
}
