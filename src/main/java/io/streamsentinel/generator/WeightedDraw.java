package io.streamsentinel.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws an index in proportion to integer weights: a city by population, a category by habit. */
final class WeightedDraw {

  private WeightedDraw() {}

  /** An index drawn in proportion to {@code weights}; one {@code nextInt} of their sum. */
  static int index(int[] weights, SplittableRandom rng) {
    return index(weights, rng.nextInt(Arrays.stream(weights).sum()));
  }

  /**
   * The index whose share of the weights' running sum holds {@code ticket}, a number within [0, sum
   * of the first weights): the first weights' sum bounds a draw among them only.
   */
  static int index(int[] weights, int ticket) {
    for (int i = 0; i < weights.length; i++) {
      ticket -= weights[i];
      if (ticket < 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("ticket beyond the weights' sum");
  }
}
