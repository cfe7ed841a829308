package io.streamsentinel.generator;

/**
 * The kinds of fraud injected in the held-out {@link World#HARBOR} world: none of them is a {@link
 * FraudPattern}, and none leans on what those do (tiny amounts, bursts within minutes, another
 * continent, the dead of night). Each follows a published fraud typology and is unusual for its
 * victim in at least one respect against the victim's own history, as real fraud is.
 */
public enum HarborFraudPattern implements FraudKind {
  /**
   * A skimmed card's counterfeit used in person in another city of the same country over several
   * hours, at new shops, amounts rising after a first ordinary one. Follows the counterfeit
   * (skimmed) card fraud category of UK Finance's Annual Fraud Report and Europol's payment card
   * fraud (skimming) typology.
   */
  COUNTERFEIT_CARD_PRESENT(2, 5),
  /**
   * Account takeover kept "low and slow": a new device, then a few online purchases at new
   * merchants hours apart within the victim's ordinary hours, each larger than the last. Follows
   * the account-takeover remote purchase fraud of UK Finance's Annual Fraud Report, in the form
   * that stays under velocity limits.
   */
  LOW_AND_SLOW_TAKEOVER(3, 5),
  /**
   * Triangulation: a fake storefront's orders filled at genuine web shops with the stolen card from
   * one device, goods priced by what the storefront's buyers ordered rather than by the victim's
   * habits, spread over a day. Follows the triangulation fraud typology of card-scheme merchant
   * fraud guidance (Visa; Mastercard; Cybersource fraud reports).
   */
  TRIANGULATION_RESHIPPING(3, 6),
  /**
   * Cash-out of a cloned card by mules at many ATMs across neighbouring districts, tens of minutes
   * apart, in 10,000-yen notes. Follows the ATM cash-out ("unlimited operation") typology of the
   * FBI's 2018 ATM cash-out alert and Europol, as in the May 2016 cash-out at convenience-store
   * ATMs across Japan.
   */
  ATM_CASH_OUT(4, 8),
  /**
   * Cards stolen at one common point of purchase (an e-skimmed checkout) cashed out together: many
   * victims who shopped at that merchant each make one purchase of the same round amount at one
   * digital-goods merchant, from one device, within hours. Follows Visa Payment Fraud Disruption's
   * e-skimming (Magecart) alerts and the card schemes' common-point-of-purchase analysis.
   */
  COMPROMISED_MERCHANT_SPREE(5, 12);

  private final Shape shape;

  HarborFraudPattern(int minEvents, int maxEvents) {
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
  public static HarborFraudPattern fromWire(String value) {
    return FraudKind.fromWire(values(), value, "harbor fraud pattern");
  }
}
