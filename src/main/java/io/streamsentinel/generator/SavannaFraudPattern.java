package io.streamsentinel.generator;

/**
 * The kinds of fraud injected in the held-out {@link World#SAVANNA} world: none of them is a {@link
 * FraudPattern}, a {@link HarborFraudPattern}, a {@link FjordFraudPattern} or a {@link
 * MesaFraudPattern}. Each follows a published fraud typology and leaves a tell a detector could see
 * against the victim's own history (amount, merchant, category, device, place, hour, pace), of its
 * own strength: some are plain, some are hard to tell from the victim's own spending. What each
 * looks like is written only here and in {@link SavannaPatternEvents}: the world is held out for a
 * blind evaluation, so the README does not describe it.
 */
public enum SavannaFraudPattern implements FraudKind {
  /**
   * An ATM card swap: someone who watched the victim type the PIN at an ATM swaps the card for a
   * look-alike, then within minutes withdraws large sums at other ATMs nearby and buys phones and
   * other goods that resell in shops of the same town, all in person within a couple of hours of
   * the victim's own withdrawal. Follows the card-trapping and card-swap ("distraction") attacks in
   * the European Association for Secure Transactions' (EAST) ATM crime reports and the lost and
   * stolen card fraud of UK Finance's Annual Fraud Report, where the PIN was obtained by shoulder
   * surfing.
   */
  ATM_CARD_SWAP(2, 5),
  /**
   * A second charge by staff: a waiter or a fuel attendant who takes the card out of the victim's
   * sight runs it again on the same terminal minutes after the genuine payment, for an ordinary
   * amount: same merchant, same place, card present. Follows the employee schemes of the ACFE's
   * Report to the Nations (occupational fraud by those handling customers' payments) and the card
   * schemes' advice to keep cards in the holder's sight at restaurants and fuel stations.
   */
  STAFF_DOUBLE_SWIPE(1, 2),
  /**
   * Card-not-present fraud from abroad: card details bought after a data breach are used for a few
   * orders at web shops from one device in a city abroad over some hours, priced by the goods
   * rather than by the victim's habits. Follows the remote purchase (card-not-present) fraud of UK
   * Finance's Annual Fraud Report and the European Central Bank's card fraud reports, which find
   * most card-not-present fraud to be cross-border.
   */
  CROSS_BORDER_REMOTE_PURCHASE(2, 5),
  /**
   * Card misuse by someone the victim knows ("familiar fraud"): someone in the household (a
   * teenager, a relative, a house help) uses the card from their own phone at home, in the evenings
   * over some days: game and app store top-ups, streaming and small online orders, each small.
   * Follows Javelin Strategy &amp; Research's "familiar fraud" (fraud by someone the victim knows)
   * in its Identity Fraud Studies and the unauthorised use by family members that card schemes'
   * dispute rules treat apart.
   */
  KNOWN_PERSON_CARD_MISUSE(2, 6),
  /**
   * An online purchase scam: the victim pays a fake seller advertised on social media for a phone,
   * a laptop or furniture, from their own phone at home, then one or two "delivery" or "customs"
   * fees at the same merchant days later, in round sums; nothing ever arrives. Follows the purchase
   * scams of UK Finance's Annual Fraud Report (the most reported kind of authorised push payment
   * scam), here paid by card, and the Communications Authority of Kenya's warnings about fake
   * online sellers.
   */
  ONLINE_PURCHASE_SCAM(1, 3);

  private final Shape shape;

  SavannaFraudPattern(int minEvents, int maxEvents) {
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
  public static SavannaFraudPattern fromWire(String value) {
    return FraudKind.fromWire(values(), value, "savanna fraud pattern");
  }
}
