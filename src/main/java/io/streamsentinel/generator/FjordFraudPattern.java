package io.streamsentinel.generator;

/**
 * The kinds of fraud injected in the held-out {@link World#FJORD} world: none of them is a {@link
 * FraudPattern} or a {@link HarborFraudPattern}. Each follows a published fraud typology and is
 * unusual for its victim in at least one respect against the victim's own history, as real fraud
 * is. What each looks like is written only here and in {@link FjordPatternEvents}: the world is
 * held out for a blind evaluation, so the README does not describe it.
 */
public enum FjordFraudPattern implements FraudKind {
  /**
   * A lost or stolen physical card tapped in shops of the victim's own city, in another part of
   * town, at several shops new to the victim tens of minutes apart, each payment under the no-PIN
   * contactless limit (500 kroner in Norway) whatever the victim usually spends. Follows the
   * lost-and-stolen card fraud category of UK Finance's Annual Fraud Report, which notes that such
   * cards are mostly used for contactless payments below the PIN limit.
   */
  CONTACTLESS_STOLEN_CARD(3, 8),
  /**
   * The card enrolled in a fraudster's phone wallet with a one-time passcode phished from the
   * victim, then used in person with that phone in high-value shops of a large city over a few
   * hours: card-present payments that carry a device the victim never used, priced by the goods
   * (resold) rather than by the victim's habits. Follows the digital-wallet provisioning fraud that
   * UK Finance's Annual Fraud Report (2023) and Europol's IOCTA describe, where social engineering
   * defeats the one-time passcode.
   */
  WALLET_PROVISIONING(2, 5),
  /**
   * An elder-fraud scam paid in gift cards: the victim, mostly a pensioner, is talked on the phone
   * (a fake support desk or authority) into buying several gift cards online, from their own device
   * at their usual hours, in round amounts far above their usual purchases, within an hour or two.
   * Follows the FBI IC3 Elder Fraud Report's tech-support and government-impersonation scams and
   * the FTC's Consumer Sentinel reports of gift cards as the scammers' payment of choice.
   */
  ELDER_GIFT_CARD_SCAM(2, 5),
  /**
   * A synthetic identity's bust-out: after behaving like an ordinary customer, the account maxes
   * out its credit over one to three days with many large purchases of resellable goods and cash
   * withdrawals, from its own devices and city, never to pay. Follows the bust-out scheme of the
   * Federal Reserve's "Synthetic Identity Fraud in the U.S. Payment System" (2019) and its
   * synthetic identity fraud mitigation toolkit.
   */
  SYNTHETIC_BUST_OUT(6, 12),
  /**
   * First-party misuse ("friendly fraud"): the cardholder buys online from their own device at home
   * and later disputes the charges as not recognised; larger than the cardholder's usual purchase,
   * mostly at web shops new to them. Follows the first-party misuse of Visa's Compelling Evidence
   * 3.0 rules, Mastercard's First-Party Trust programme and the Merchant Risk Council's Global
   * Payments and Fraud Report, where it ranks among the most reported attacks.
   */
  FIRST_PARTY_MISUSE(1, 3);

  private final Shape shape;

  FjordFraudPattern(int minEvents, int maxEvents) {
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
  public static FjordFraudPattern fromWire(String value) {
    return FraudKind.fromWire(values(), value, "fjord fraud pattern");
  }
}
