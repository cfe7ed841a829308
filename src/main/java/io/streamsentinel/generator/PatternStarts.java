package io.streamsentinel.generator;

import java.util.SplittableRandom;

/**
 * Whether a fraud pattern starts after a normal event, and of which kind: every world's planner
 * draws this the same way, with the start probability that makes the labelled share of all events
 * match the fraud rate (see {@link FraudKind#startProbability}) and the kinds drawn uniformly.
 *
 * @param <K> the world's fraud kinds
 */
final class PatternStarts<K extends FraudKind> {

  private final SplittableRandom rng;
  private final K[] kinds;
  private final double startProbability;

  /** Draws from {@code rng}, the planner's own stream. */
  PatternStarts(SplittableRandom rng, K[] kinds, double fraudRate) {
    this.rng = rng;
    this.kinds = kinds.clone();
    this.startProbability = FraudKind.startProbability(fraudRate, kinds);
  }

  /**
   * The kind of the pattern that starts now, or null when none does: one draw, and a second when a
   * pattern starts; none at all at a fraud rate of zero.
   */
  K next() {
    if (startProbability == 0 || rng.nextDouble() >= startProbability) {
      return null;
    }
    return kinds[rng.nextInt(kinds.length)];
  }
}
