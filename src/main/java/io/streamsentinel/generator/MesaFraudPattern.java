package io.streamsentinel.generator;

/**
 * The kinds of fraud injected in the held-out {@link World#MESA} world: none of them is a {@link
 * FraudPattern}, a {@link HarborFraudPattern} or a {@link FjordFraudPattern}. Each follows a
 * published fraud typology and leaves a tell a detector could see against the victim's own history
 * (amount, merchant, category, device, place, hour, pace), of its own strength. What each looks
 * like is written only here and in {@link MesaPatternEvents}: the world is held out for a blind
 * evaluation, so the README does not describe it.
 */
public enum MesaFraudPattern implements FraudKind {
  /**
   * A cloned or stolen card used by a fuel theft ring to fill vehicles and containers for resale:
   * several full-tank payments in one day at fuel stations new to the victim, moving from town to
   * town along a highway, priced by the tank rather than by the victim's habits. Follows the
   * automated-fuel-dispenser and fuel-station fraud of Visa's merchant fraud guidance and of the
   * card schemes' skimming alerts, where compromised cards are cashed out as resold fuel.
   */
  CLONED_CARD_FUEL_RUN(3, 7),
  /**
   * An investment ("pig-butchering") scam paid with the victim's own card: the victim, groomed
   * online, funds a fake trading platform with a modest first deposit and then ever larger ones
   * days apart, from their own phone, at their usual hours, always at the same merchant, which was
   * new to them. Follows the authorised push payment investment scams of UK Finance's Annual Fraud
   * Report, the FBI IC3's cryptocurrency investment fraud reports and FATF's 2023 report on
   * cyber-enabled fraud, adapted to card-funded deposits.
   */
  INVESTMENT_SCAM_DEPOSITS(3, 6),
  /**
   * Fraud as a service: stolen card details sold on as discounted rides, food deliveries and the
   * odd hotel night, booked by the reseller's customers in their own city from the reseller's
   * devices over a few days, each an ordinary amount. Follows the carding and fraud-as-a-service
   * offers described in Europol's IOCTA reports (discounted taxi, food delivery and accommodation
   * paid with compromised cards).
   */
  DISCOUNTED_SERVICES_RESALE(4, 10),
  /**
   * A collusive merchant: a cloned card keyed through a complicit shop's terminal several times
   * within minutes, each sale split to stay just under a review limit. Follows the collusive
   * merchant and split-sale schemes of the card schemes' acquirer risk rules (Visa's Global
   * Acquirer Risk Standards, Mastercard's Security Rules and Procedures).
   */
  COLLUSIVE_MERCHANT_SPLIT_SALE(2, 6),
  /**
   * An express kidnapping ("secuestro exprés"): the victim is taken in the evening and made to
   * withdraw cash at several ATMs across town, up to the daily limit before midnight and again just
   * after it, when the limit starts anew. Follows the express kidnapping typology of the U.S. State
   * Department's OSAC crime and safety reports for Central America and Latin American banks'
   * guidance on daily ATM limits.
   */
  EXPRESS_KIDNAPPING(2, 5);

  private final Shape shape;

  MesaFraudPattern(int minEvents, int maxEvents) {
    this.shape = Shape.of(this, minEvents, maxEvents);
  }

  @Override
  public Shape shape() {
    return shape;
  }

  /**
   * The pattern with this wire name.
   *
   * @throws IllegalArgumentException when no pattern has that name (also for null)
   */
  public static MesaFraudPattern fromWire(String value) {
    return FraudKind.fromWire(values(), value, "mesa fraud pattern");
  }
}
