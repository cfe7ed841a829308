package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * A kind of card holder in a segmented world (fjord, mesa, savanna): what {@link
 * SegmentedPopulation} draws each of its users' amount scale, rhythm and habits from. Each world's
 * segment enum adds what only its own spending and fraud need.
 */
interface CardHolderSegment {

  /** The segment's amounts, in the world's currency. */
  Spend spend();

  /** The segment's activity and daily rhythm. */
  Rhythm rhythm();

  /** The segment's shopping habits. */
  Habits habits();

  /** A category this segment shops in, in proportion to its weights. */
  MerchantCategory drawCategory(SplittableRandom rng);

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
