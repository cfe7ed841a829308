package io.streamsentinel.bench;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.generator.World;
import io.streamsentinel.learning.ModelTrainer;
import io.streamsentinel.learning.NotEnoughLabelsException;
import io.streamsentinel.learning.TrainedModel;
import io.streamsentinel.learning.TrainingExample;
import io.streamsentinel.learning.TrainingSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Labelled decisions of the built-in generator made in process, as the detector makes them (the
 * rules' features and score, the generator's ground truth as the label; no account status, as there
 * is no responder): for a model to benchmark with, and for quality checks on other seeds.
 */
public final class SimulatedHistory {

  private SimulatedHistory() {}

  /**
   * Plays up to {@code count} generated transactions through the detector's pure scoring, handing
   * each with its decision to {@code sink}, while {@code keepGoing} says so.
   */
  public static void play(
      GeneratorSettings settings,
      long count,
      BooleanSupplier keepGoing,
      BiConsumer<Transaction, Decision> sink) {
    TransactionSimulator simulator = new TransactionSimulator(settings);
    FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());
    Map<String, UserProfile> profiles = new HashMap<>();
    for (long i = 0; i < count && keepGoing.getAsBoolean(); i++) {
      Transaction tx = simulator.next();
      FraudDetector.Assessment a =
          detector.assess(
              tx,
              profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId())),
              AccountStatus.ACTIVE);
      profiles.put(tx.userId(), a.profile());
      sink.accept(tx, a.decision());
    }
  }

  /** {@code count} decisions of {@code users} users from {@code start}. */
  public static List<TrainingExample> decide(long seed, int users, Instant start, int count) {
    return decide(World.DEFAULT, seed, users, start, count);
  }

  /** {@code count} decisions of {@code users} users of {@code world} from {@code start}. */
  public static List<TrainingExample> decide(
      World world, long seed, int users, Instant start, int count) {
    List<TrainingExample> examples = new ArrayList<>(count);
    play(
        new GeneratorSettings(seed, users, GeneratorSettings.DEFAULT_FRAUD_RATE, start)
            .withWorld(world),
        count,
        () -> true,
        (tx, d) ->
            examples.add(
                new TrainingExample(
                    tx.transactionId(),
                    tx.timestamp(),
                    d.features().toArray(),
                    Boolean.TRUE.equals(tx.isFraud()),
                    d.rulesScore(),
                    tx.merchantCategory(),
                    tx.channel() == null ? null : tx.channel().wireName())));
    return examples;
  }

  /**
   * A model with the default training settings on {@code count} simulated decisions: what {@code
   * model train} would register, for a benchmark to score with.
   */
  public static ScoringModel model(long seed, int users, int count) {
    List<TrainingExample> examples = decide(seed, users, GeneratorSettings.DEFAULT_START, count);
    try {
      TrainedModel trained =
          new ModelTrainer(ModelTrainer.Settings.defaults(), Decision.DEFAULT_ALERT_THRESHOLD)
              .train(new TrainingSet(examples, 0, 0, 0, 0), ModelInputs.standard(), (d, t) -> {});
      return new ScoringModel("bench", trained.trees(), trained.inputs());
    } catch (NotEnoughLabelsException e) {
      throw new IllegalStateException("the simulated history has too few frauds", e);
    }
  }
}
