package io.streamsentinel.generator;

/**
 * The kinds of fraud injected in the held-out {@link World#STEPPE} world: none of them is a {@link
 * FraudPattern}, a {@link HarborFraudPattern}, a {@link FjordFraudPattern}, a {@link
 * MesaFraudPattern} or a {@link SavannaFraudPattern}. Each follows a published fraud typology and
 * leaves a tell a detector could see against the victim's own history (amount, merchant, category,
 * device, place, hour, pace), of its own strength: some are plain, some are hard to tell from the
 * victim's own spending. What each looks like is written only here and in {@link
 * SteppePatternEvents}: the world is held out for a blind evaluation, so the README does not
 * describe it.
 */
public enum SteppeFraudPattern implements FraudKind {
  /**
   * A subscription trap: the victim signs up for a "free trial" (an app, a test result, a dating or
   * horoscope service) from their own phone at their usual hours, paying a token sum at an online
   * merchant new to them, and is then billed the full price without having agreed to it: a first
   * charge when the three-day trial ends, then every week, always the same price (ending in 990, as
   * Kazakh prices do), merchant-initiated in the merchant's early-morning billing run, with no
   * device. Follows the "negative option" subscription traps of the US Federal Trade Commission's
   * 2022 report "Bringing Dark Patterns to Light", the weekly-billed "fleeceware" trials that Avast
   * and Sophos documented, and Visa's 2020 rules for free-trial merchants, made because such
   * charges drove disputes.
   */
  SUBSCRIPTION_TRAP(2, 4),
  /**
   * Airline tickets bought with stolen card details and sold on cheap by a fake "travel agent": one
   * to three tickets at airline and travel sites new to the victim, one per passenger of the same
   * trip minutes apart, so at nearly the same fare, from one device the victim never used, in the
   * reseller's city (a big Kazakh city or a nearby hub), at fares priced by the route rather than
   * by the victim's habits. Follows the airline ticket fraud of Europol's Global Airport Action
   * Days (tickets bought with compromised cards, often resold through fake agencies) and the
   * card-not-present fraud of the European Central Bank's card fraud reports.
   */
  AIRLINE_TICKET_RESALE(1, 3),
  /**
   * Phishing by text message with a parcel-delivery lure ("your parcel is held: pay 390 tenge for
   * redelivery"): the victim pays the small fee on the fake page from their own phone at home at
   * their usual hours, at an online merchant new to them; within hours the card details typed there
   * are used from one device the victim never used, in another city, for one to three purchases of
   * gift cards, electronics and marketplace goods that resell. Follows the delivery-company
   * impersonation texts that UK Finance's Annual Fraud Report and Europol's IOCTA rank among the
   * commonest phishing lures, and the warnings of Kazpost and of Kazakhstan's financial regulator
   * about fake delivery-fee pages.
   */
  PARCEL_FEE_PHISHING(2, 4),
  /**
   * A card skimmed at an ATM at home, its magnetic stripe copied and cashed out days later where
   * ATMs still accept the stripe: two to five withdrawals in one city abroad (Central Asia, South
   * East Asia, Istanbul, New York) at different ATMs minutes apart, in that city's daytime, each
   * that ATM's largest sum in the local currency, so in tenge an odd amount (converted, with the
   * fee) far above what the victim draws. Follows the European Association for Secure Transactions'
   * (EAST) reports that skimming losses fall outside the EMV countries where the stripe is still
   * taken, and the skimming typology of Europol's payment card fraud reports.
   */
  SKIMMED_CARD_ATM_ABROAD(2, 5),
  /**
   * A romance scam paid by card: a partner met online, never seen, asks for money again and again
   * every few days, and the victim (most often an older person) pays from their own phone at home
   * at their usual hours, each time at an online merchant new to them, in round sums that grow: a
   * ticket for the visit that never happens, gift cards, a phone, a "customs" or "visa" fee.
   * Follows the romance scams of the FBI IC3's Elder Fraud and Internet Crime reports, the FTC's
   * Consumer Sentinel data on romance scams paid with gift cards, and the romance scams of UK
   * Finance's Annual Fraud Report.
   */
  ROMANCE_SCAM_PAYMENTS(3, 5);

  private final Shape shape;

  SteppeFraudPattern(int minEvents, int maxEvents) {
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
  public static SteppeFraudPattern fromWire(String value) {
    return FraudKind.fromWire(values(), value, "steppe fraud pattern");
  }
}
