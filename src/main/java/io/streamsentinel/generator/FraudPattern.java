package io.streamsentinel.generator;

/**
 * The kinds of fraud the simulator injects in the {@link World#DEFAULT} world, each a short run of
 * events labelled with its wire name in {@code fraud_pattern}. The held-out world has its own, see
 * {@link HarborFraudPattern}.
 */
public enum FraudPattern implements FraudKind {
  /** Stolen card numbers checked with 5-12 tiny online payments within minutes. */
  CARD_TESTING(5, 12),
  /** A takeover from a new device: 3-6 large online purchases of resellable goods. */
  ACCOUNT_TAKEOVER(3, 6),
  /** A card-present payment on another continent minutes after the previous one. */
  IMPOSSIBLE_TRAVEL(1, 1),
  /** One large payment deep in the user's local night. */
  HIGH_AMOUNT_UNUSUAL_HOUR(1, 1),
  /** 8-20 ordinary-sized payments within a few minutes. */
  VELOCITY_BURST(8, 20);

  private final Shape shape;

  FraudPattern(int minEvents, int maxEvents) {
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
  public static FraudPattern fromWire(String value) {
    return FraudKind.fromWire(values(), value, "fraud pattern");
  }
}
