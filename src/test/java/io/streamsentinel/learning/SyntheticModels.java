package io.streamsentinel.learning;

import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.ModelInputs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test vocabulary shared by the packages that need a real XGBoost model: a seeded synthetic
 * training set and a small model trained on it.
 */
public final class SyntheticModels {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static TrainedModel small;

  private SyntheticModels() {}

  /**
   * Fraud spends far above the user's day and comes in bursts; the rules' score is half noise, so a
   * model that learns the features must rank better than it.
   */
  public static TrainingSet synthetic(int size, long seed, double fraudRate) {
    Random random = new Random(seed);
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      boolean fraud = random.nextDouble() < fraudRate;
      double[] f = new double[Feature.COUNT];
      for (Feature feature : Feature.values()) {
        f[feature.ordinal()] = Math.abs(random.nextGaussian()) * 3;
      }
      f[Feature.DAILY_SPEND_RATIO.ordinal()] =
          fraud ? 4 + random.nextDouble() * 8 : random.nextDouble() * 5;
      f[Feature.TX_COUNT_10M.ordinal()] = fraud ? 2 + random.nextInt(8) : random.nextInt(4);
      f[Feature.NEW_DEVICE.ordinal()] = random.nextDouble() < (fraud ? 0.7 : 0.1) ? 1 : 0;
      f[Feature.ACCOUNT_BLOCKED.ordinal()] = 0;
      f[Feature.STEP_UP_REQUIRED.ordinal()] = 0;
      double rules = Math.min(1, Math.max(0, (fraud ? 0.2 : 0) + random.nextDouble() * 0.6));
      examples.add(
          new TrainingExample(
              "tx-" + i, START.plusSeconds(60L * i), f, fraud, rules, "grocery", "online"));
    }
    return new TrainingSet(examples, 0, 0, 0, 0);
  }

  /**
   * A small model (10 trees of depth 3) over {@link ModelInputs#standard()}, trained once per test
   * run on {@code synthetic(2_000, 1, 0.1)}.
   */
  public static synchronized TrainedModel small() {
    if (small == null) {
      try {
        small =
            new ModelTrainer(new ModelTrainer.Settings(10, 3, 0.3, 7, 1), 0.5)
                .train(synthetic(2_000, 1, 0.1), ModelInputs.standard(), (done, total) -> {});
      } catch (NotEnoughLabelsException e) {
        throw new IllegalStateException("the synthetic set has enough labels of each class", e);
      }
    }
    return small;
  }
}
